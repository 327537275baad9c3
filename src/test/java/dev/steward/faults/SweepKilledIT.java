package dev.steward.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.retention.DueRecords;
import dev.steward.test.InitializedSteward;
import dev.steward.test.StewardProcess;
import dev.steward.test.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A retention sweep killed with SIGKILL in the middle of its run, then run again: every record erased is named by
 * exactly one deletion certificate, through the tombstone that names it, whether its batch committed before the kill
 * or after; and the people its committed batches left without records, whom the killed run had not looked at yet, go
 * with the next run.
 */
class SweepKilledIT {

    private static final int RECORDS = 3_000;
    private static final int BATCH = 25;

    @Test
    void everyRecordErasedIsInExactlyOneCertificateAfterTheSweepIsKilledMidRun() {
        InitializedSteward steward = InitializedSteward.copy(
                "sweep_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = jdbc(steward.database());
        DueRecords seeded =
                DueRecords.seed(jdbc, RECORDS, "bulk", "bulk-day", Instant.now().minusSeconds(60));

        long erasedAtKill;
        try (StewardProcess sweep = StewardProcess.command(
                steward.database(),
                steward.dataDir(),
                "retention",
                "sweep",
                "--steward.retention.batch-size=" + BATCH,
                "--steward.retention.workers=2")) {
            // batches commit one after another: kill once a third of the records is gone
            sweep.awaitUntil(() -> seeded.remaining(jdbc) <= RECORDS * 2 / 3, Duration.ofSeconds(90));
            sweep.kill();
            erasedAtKill = RECORDS - seeded.remaining(jdbc);
        }
        assertThat(erasedAtKill).as("killed mid-run").isBetween((long) RECORDS / 3, RECORDS - 1L);
        assertThat(certificates(jdbc))
                .as("the run died before it could certify itself")
                .isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(records_erased), 0) FROM sweep_batch")
                        .query(Long.class)
                        .single())
                .as("but each batch it committed is on record")
                .isEqualTo(erasedAtKill);
        // the people are looked at after a worker's last batch: killed before, the run leaves those its batches took
        // the only record of still there, noted with the batches that took them
        long leftBehind = jdbc.sql("""
                        SELECT count(*) FROM data_subject s WHERE s.id = ANY(:people)
                           AND NOT EXISTS (SELECT 1 FROM personal_record r WHERE r.subject_id = s.id)
                        """)
                .param("people", seeded.subjects().toArray(UUID[]::new))
                .query(Long.class)
                .single();
        assertThat(leftBehind)
                .as("people without records the run did not get to")
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM sweep_leftover")
                        .query(Long.class)
                        .single())
                .as("their batches' notes")
                .isPositive();

        StewardProcess.Finished again = StewardProcess.run(
                steward.database(), steward.dataDir(), Duration.ofSeconds(120), "retention", "sweep");
        assertThat(again.exit()).as(again.output()).isZero();

        assertThat(seeded.remaining(jdbc)).isZero();
        // each seeded person had one record: the next run's look erased those the killed run's batches left, with their
        // tombstone, as its own batches' people
        assertThat(jdbc.sql("SELECT count(*) FROM data_subject WHERE id = ANY(:people)")
                        .param("people", seeded.subjects().toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tombstonesPerPerson(jdbc, seeded)).hasSize(RECORDS).containsOnly(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM sweep_leftover")
                        .query(Long.class)
                        .single())
                .as("every note taken")
                .isZero();
        List<Long> certificatesPerRecord = certificatesPerRecord(jdbc, seeded);
        assertThat(certificatesPerRecord).hasSize(RECORDS).containsOnly(1L);
        assertThat(jdbc.sql("SELECT interrupted FROM deletion_certificate ORDER BY seq")
                        .query(Boolean.class)
                        .list())
                .containsExactly(true, false);
        long certified = jdbc.sql("SELECT sum(records_erased) FROM deletion_certificate")
                .query(Long.class)
                .single();
        assertThat(certified).isEqualTo(RECORDS);
        StewardProcess.Finished verify =
                StewardProcess.run(steward.database(), steward.dataDir(), Duration.ofSeconds(120), "ledger", "verify");
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("deletion-certificates: intact, 2 rows");

        new Figures("sweep-killed")
                .put("records due", RECORDS)
                .put("batch size", BATCH)
                .put("erased when killed", erasedAtKill)
                .put("people without records left by the kill", leftBehind)
                .put("certificates", certificates(jdbc))
                .put("records erased in all", RECORDS - seeded.remaining(jdbc))
                .put("records covered by certificates", certified)
                .put(
                        "records in no certificate",
                        certificatesPerRecord.stream().filter(n -> n == 0).count())
                .put(
                        "records in more than one certificate",
                        certificatesPerRecord.stream().filter(n -> n > 1).count())
                .write();
    }

    /** For each seeded person, how many whole-subject tombstones name them. */
    private static List<Long> tombstonesPerPerson(JdbcClient jdbc, DueRecords seeded) {
        return jdbc.sql("""
                        SELECT count(e.id) FROM unnest(CAST(:people AS uuid[])) AS p(id)
                          LEFT JOIN erasure_log e ON e.record_ids IS NULL
                               AND (e.subject_id = p.id OR p.id = ANY(e.subject_ids))
                         GROUP BY p.id
                        """)
                .param("people", seeded.subjects().toArray(UUID[]::new))
                .query(Long.class)
                .list();
    }

    /** For each seeded record, how many certificates name the tombstone that names it. */
    private static List<Long> certificatesPerRecord(JdbcClient jdbc, DueRecords seeded) {
        return jdbc.sql("""
                        SELECT count(c.id) FROM unnest(CAST(:records AS uuid[])) AS r(id)
                          LEFT JOIN erasure_log e ON r.id = ANY(e.record_ids)
                          LEFT JOIN deletion_certificate c ON e.id = ANY(c.tombstone_ids)
                         GROUP BY r.id
                        """)
                .param("records", seeded.records().toArray(UUID[]::new))
                .query(Long.class)
                .list();
    }

    private static long certificates(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM deletion_certificate")
                .query(Long.class)
                .single();
    }

    static JdbcClient jdbc(String database) {
        DriverManagerDataSource source = new DriverManagerDataSource(database, TestDatabase.user(), "");
        if (TestDatabase.password() != null) {
            source.setPassword(TestDatabase.password());
        }
        return JdbcClient.create(source);
    }
}
