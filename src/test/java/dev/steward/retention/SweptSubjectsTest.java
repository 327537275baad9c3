package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SweepErasure;
import dev.steward.vault.SweptBatch;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep erases the people it leaves without any record, and only them: every case where what is left decides,
 * erased or kept, in one run; a person whose records span batches; a run that died before its look at its people.
 */
@StewardTest
class SweptSubjectsTest {

    @Autowired
    Sweeper sweeper;

    @Autowired
    Vault vault;

    @Autowired
    RecordDueTimes dueTimes;

    @Autowired
    Identities identities;

    @Autowired
    TestClock clock;

    @Autowired
    SweepErasure erasure;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    LegalHolds holds;

    @Autowired
    RetentionRules rules;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonGoesOnlyWhenTheBatchErasedEveryRecordTheyHad() {
        StoredRecords records = new StoredRecords(vault, identities);
        SubjectId bothDue = records.person("swept-both-due");
        RecordId first = records.trial(bothDue, "swept-both-due");
        RecordId second = records.trial(bothDue, "swept-both-due-again");
        SubjectId oneKept = records.person("swept-one-kept");
        RecordId erased = records.trial(oneKept, "swept-one-kept");
        RecordId invoice = records.lab(oneKept, "swept-one-kept", "invoicing", "books", "gdpr-6-1-c");
        SubjectId oneNotDue = records.person("swept-one-not-due");
        RecordId due = records.trial(oneNotDue, "swept-one-not-due");
        RecordId notDue = records.lab(oneNotDue, "swept-one-not-due", "newsletter", "subscription", "gdpr-6-1-a");
        clock.set(records.summary(second).dueAt());
        // due now, but within its statutory minimum: the sweep keeps it and moves its due time
        dueTimes.changeState(invoice, RecordState.CLOSED, clock.instant().minusSeconds(1));

        Sweeper.Outcome outcome = sweeper.sweep("test", progress -> {});

        assertThat(records.exists(first)).isFalse();
        assertThat(records.exists(second)).isFalse();
        assertThat(vault.exists(bothDue))
                .as("both of their records went in one batch")
                .isFalse();
        assertThat(records.exists(erased)).isFalse();
        assertThat(records.exists(invoice)).isTrue();
        assertThat(vault.exists(oneKept)).as("their kept record keeps them").isTrue();
        assertThat(records.exists(due)).isFalse();
        assertThat(records.exists(notDue)).isTrue();
        assertThat(vault.exists(oneNotDue))
                .as("their record not yet due keeps them")
                .isTrue();
        assertThat(outcome.certificate().orElseThrow().recordsKept()).isGreaterThanOrEqualTo(1);
    }

    /**
     * Whoever a batch takes records of is noted, and the look after the batches erases a person only once none is
     * left: with batches of two, a person with three due records survives the look after the batch that takes two of
     * them, and goes with the look after the one that takes the last.
     */
    @Test
    void aPersonWhoseRecordsSpanBatchesGoesOnlyWithTheLookAfterTheBatchThatTakesTheLast() {
        StoredRecords records = afterASweep();
        SubjectId person = records.person("swept-across-batches");
        Set<RecordId> theirs = Set.of(
                records.trial(person, "swept-across-batches"),
                records.trial(person, "swept-across-batches-2"),
                records.trial(person, "swept-across-batches-3"));
        clock.set(records.summary(theirs.iterator().next()).dueAt());

        List<Long> erasedOfTheirsPerBatch = new ArrayList<>();
        List<Boolean> therePerBatch = new ArrayList<>();
        SweptBatch batch;
        do {
            batch = batch(2);
            erasedOfTheirsPerBatch.add(batch.erased().stream()
                    .flatMap(swept -> swept.records().stream())
                    .filter(theirs::contains)
                    .count());
            assertThat(look().notes())
                    .as("a batch that erased notes its people")
                    .isEqualTo(batch.erased().isEmpty() ? 0 : 1);
            therePerBatch.add(vault.exists(person));
        } while (batch.claimed() == 2);

        int last = -1;
        long taken = 0;
        for (int i = 0; i < erasedOfTheirsPerBatch.size() && taken < theirs.size(); i++) {
            taken += erasedOfTheirsPerBatch.get(i);
            last = i;
        }
        assertThat(taken).as("all three records erased").isEqualTo(theirs.size());
        assertThat(erasedOfTheirsPerBatch.stream().filter(n -> n > 0).count())
                .as("their records went in more than one batch")
                .isGreaterThan(1);
        for (int i = 0; i < therePerBatch.size(); i++) {
            assertThat(therePerBatch.get(i))
                    .as("after batch %d of %s and the look", i, erasedOfTheirsPerBatch)
                    .isEqualTo(i < last);
        }
    }

    /**
     * A run that dies after its batches and before the look leaves its notes, committed with the batches: the next
     * run's look erases the people the dead run left without records, and only them.
     */
    @Test
    void peopleLeftWithoutRecordsByARunThatDiedBeforeItsLookGoWithTheNextRun() {
        StoredRecords records = afterASweep();
        SubjectId alone = records.person("swept-dead-run-alone");
        RecordId due = records.trial(alone, "swept-dead-run-alone");
        SubjectId keeps = records.person("swept-dead-run-keeps");
        RecordId alsoDue = records.trial(keeps, "swept-dead-run-keeps");
        RecordId notDue = records.lab(keeps, "swept-dead-run-keeps", "newsletter", "subscription", "gdpr-6-1-a");
        clock.set(records.summary(due).dueAt());

        // the dead run: its batches committed, its look never ran
        batchesWithoutTheLook();
        assertThat(records.exists(due)).isFalse();
        assertThat(records.exists(alsoDue)).isFalse();
        assertThat(vault.exists(alone)).as("no look yet").isTrue();
        assertThat(notedPeople()).contains(alone.value(), keeps.value());

        sweeper.sweep("test", progress -> {});

        assertThat(vault.exists(alone))
                .as("the next run's look took the dead run's notes")
                .isFalse();
        assertThat(vault.exists(keeps)).isTrue();
        assertThat(records.exists(notDue)).isTrue();
        assertThat(notedPeople()).as("every note taken").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM erasure_log WHERE record_ids IS NULL AND :alone = ANY(subject_ids)")
                        .param("alone", alone.value())
                        .query(Long.class)
                        .single())
                .as("one whole-subject tombstone names them")
                .isEqualTo(1);
    }

    /** A legal hold placed on a person between the batch and the look keeps them, as it would have in the batch. */
    @Test
    void aPersonHeldWhenTheLookComesStays() {
        StoredRecords records = afterASweep();
        SubjectId person = records.person("swept-held-before-look");
        RecordId due = records.trial(person, "swept-held-before-look");
        clock.set(records.summary(due).dueAt());
        batchesWithoutTheLook();
        assertThat(records.exists(due)).isFalse();

        Set<SubjectId> held = Set.of(person);
        SweepErasure.Leftovers look = Objects.requireNonNull(transaction.execute(status ->
                erasure.eraseLeftWithoutRecords(SweepErasure.Share.ALL, 1_000, held, Sweeper.LEFT_WITHOUT_RECORDS)));

        assertThat(look.notes()).isPositive();
        assertThat(look.erased()).doesNotContain(person);
        assertThat(vault.exists(person)).isTrue();
    }

    /** One batch as the sweeper's, committed on its own, so that other tests' held or statutorily kept records stay. */
    private SweptBatch batch(int limit) {
        return Objects.requireNonNull(transaction.execute(status -> {
            HoldRepository.HeldTargets held = holds.lockForSweep(clock.instant());
            return erasure.sweepDue(
                    clock.instant(),
                    limit,
                    SweepErasure.Share.ALL,
                    held.subjects(),
                    held.records(),
                    rules.statutoryMinimums(),
                    Sweeper.REASON);
        }));
    }

    /** Records to add once a sweep has taken whatever earlier tests left due, and their notes. */
    private StoredRecords afterASweep() {
        sweeper.sweep("test", progress -> {});
        return new StoredRecords(vault, identities);
    }

    /** Every batch of a run, as a run that dies before its look leaves them. */
    private void batchesWithoutTheLook() {
        SweptBatch batch;
        do {
            batch = batch(1_000);
        } while (batch.claimed() == 1_000);
    }

    /** The look after a worker's batches, as the sweeper's, for the one worker of share ALL. */
    private SweepErasure.Leftovers look() {
        return Objects.requireNonNull(transaction.execute(status -> erasure.eraseLeftWithoutRecords(
                SweepErasure.Share.ALL,
                1_000,
                holds.lockForSweep(clock.instant()).subjects(),
                Sweeper.LEFT_WITHOUT_RECORDS)));
    }

    private List<UUID> notedPeople() {
        return jdbc.sql("SELECT DISTINCT unnest(subjects) FROM sweep_leftover")
                .query(UUID.class)
                .list();
    }
}
