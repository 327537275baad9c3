package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SweepReadAhead;
import dev.steward.vault.Vault;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sweep command reads ahead while it starts: the people of the records due at the instant, each once, at
 * most as many records as it is given, oldest due first, and nothing else; it changes nothing, so the sweep after it
 * erases what it would have erased without it.
 */
@StewardTest
class SweepReadAheadTest {

    @Autowired
    SweepReadAhead readAhead;

    @Autowired
    Sweeper sweeper;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void itReadsThePeopleOfTheDueRecordsOnceWithinItsBoundAndChangesNothing() {
        sweeper.sweep("test", progress -> {}); // whatever earlier tests left due
        StoredRecords records = new StoredRecords(vault, identities);
        SubjectId alone = records.person("read-ahead-alone");
        RecordId first = records.trial(alone, "read-ahead-alone");
        RecordId second = records.trial(alone, "read-ahead-alone-2");
        SubjectId keeps = records.person("read-ahead-keeps");
        RecordId due = records.trial(keeps, "read-ahead-keeps");
        RecordId notDue = records.lab(keeps, "read-ahead-keeps", "newsletter", "subscription", "gdpr-6-1-a");
        SubjectId notDueOnly = records.person("read-ahead-not-due");
        RecordId only = records.lab(notDueOnly, "read-ahead-not-due", "newsletter", "subscription", "gdpr-6-1-a");
        Instant dueAt = records.summary(second).dueAt();
        // records held or kept by earlier tests may still be due: they count before and at the instant alike
        int before = readAhead.read(dueAt.minus(1, ChronoUnit.MICROS), 100_000);
        long tombstones = count("SELECT count(*) FROM erasure_log");
        long notes = count("SELECT count(*) FROM sweep_leftover");

        assertThat(readAhead.read(dueAt, 100_000) - before)
                .as("two people, one of them with two due records; none whose record is not due")
                .isEqualTo(2);
        assertThat(readAhead.read(dueAt, 0)).as("no record read, no person").isZero();
        int dueBefore = jdbc.sql("SELECT CAST(count(*) AS int) FROM personal_record WHERE due_at < :at")
                .param("at", dueAt.atOffset(ZoneOffset.UTC))
                .query(Integer.class)
                .single();
        assertThat(readAhead.read(dueAt, dueBefore + 1) - before)
                .as("at most the records it is given, oldest due first")
                .isEqualTo(1);

        assertThat(List.of(first, second, due, notDue, only).stream().allMatch(records::exists))
                .as("every record still there")
                .isTrue();
        assertThat(List.of(alone, keeps, notDueOnly).stream().allMatch(vault::exists))
                .isTrue();
        assertThat(count("SELECT count(*) FROM erasure_log")).isEqualTo(tombstones);
        assertThat(count("SELECT count(*) FROM sweep_leftover")).isEqualTo(notes);

        clock.set(dueAt);
        sweeper.sweep("test", progress -> {});
        assertThat(List.of(first, second, due).stream().noneMatch(records::exists))
                .isTrue();
        assertThat(vault.exists(alone))
                .as("the sweep after it erases as before")
                .isFalse();
        assertThat(vault.exists(keeps)).isTrue();
        assertThat(records.exists(only)).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
