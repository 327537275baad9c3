package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
