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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep tells the people it leaves without any record from the claim itself, by counting each person's records
 * against those the batch erased: every case where the count decides, erased or kept, in one batch.
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
     * The count covers every record the person has, whichever batch takes it: with batches of two, a person with three
     * due records is not left alone by the batch that takes two of them, only by the one that takes the last.
     */
    @Test
    void aPersonWhoseRecordsSpanBatchesIsLeftAloneOnlyByTheBatchThatTakesTheLast() {
        sweeper.sweep("test", progress -> {});
        StoredRecords records = new StoredRecords(vault, identities);
        SubjectId person = records.person("swept-across-batches");
        Set<RecordId> theirs = Set.of(
                records.trial(person, "swept-across-batches"),
                records.trial(person, "swept-across-batches-2"),
                records.trial(person, "swept-across-batches-3"));
        clock.set(records.summary(theirs.iterator().next()).dueAt());

        List<Long> erasedOfTheirsPerBatch = new ArrayList<>();
        List<Boolean> leftAlonePerBatch = new ArrayList<>();
        SweptBatch batch;
        do {
            // as the sweeper's batch does, so that other tests' held or statutorily kept records stay
            batch = Objects.requireNonNull(transaction.execute(status -> {
                HoldRepository.HeldTargets held = holds.lockForSweep(clock.instant());
                return erasure.sweepDue(
                        clock.instant(),
                        2,
                        SweepErasure.Share.ALL,
                        held.subjects(),
                        held.records(),
                        rules.statutoryMinimums(),
                        Sweeper.REASON);
            }));
            erasedOfTheirsPerBatch.add(batch.erased().stream()
                    .flatMap(swept -> swept.records().stream())
                    .filter(theirs::contains)
                    .count());
            leftAlonePerBatch.add(batch.leftWithoutRecords().contains(person));
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
        for (int i = 0; i < leftAlonePerBatch.size(); i++) {
            assertThat(leftAlonePerBatch.get(i))
                    .as("batch %d of %s left them without records", i, erasedOfTheirsPerBatch)
                    .isEqualTo(i == last);
        }
    }
}
