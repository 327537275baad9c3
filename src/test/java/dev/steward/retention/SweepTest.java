package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.ClusterLock;
import dev.steward.platform.EvidenceChain;
import dev.steward.platform.StewardProperties;
import dev.steward.test.DatabaseDump;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sweep at scale: bounded batches with progress, and several nodes sweeping one database at once. */
@StewardTest
class SweepTest {

    private static final int LOAD = 100_000;

    @Autowired
    Sweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    StewardProperties properties;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ClusterLock lock;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    List<EvidenceChain> chains;

    @Test
    void aSweepOfOneHundredThousandDueRecordsCompletesInBoundedBatchesWithProgress() {
        DueRecords seeded =
                DueRecords.seed(jdbc, LOAD, "bulk", "bulk-day", clock.instant().minusSeconds(1));
        try {
            List<SweepProgress> progress = new ArrayList<>();

            Sweeper.Outcome outcome = sweeper.sweep("test", progress::add);

            assertThat(seeded.remaining(jdbc)).isZero();
            assertThat(seeded.tombstonesPerRecord(jdbc)).hasSize(LOAD).containsOnly(1L);
            List<SweepProgress> batches =
                    progress.stream().filter(step -> !step.finished()).toList();
            assertThat(batches).hasSizeGreaterThanOrEqualTo(LOAD / sweeper.batchSize());
            long previous = 0;
            for (SweepProgress step : batches) {
                assertThat(step.erased() - previous).isBetween(1L, (long) sweeper.batchSize());
                previous = step.erased();
            }
            assertThat(progress.get(progress.size() - 1).finished()).isTrue();
            DeletionCertificate certificate = outcome.certificate().orElseThrow();
            assertThat(certificate.byActivity()).containsEntry("lab/bulk", (long) LOAD);
            assertThat(certificate.byCategory()).containsEntry("lab/contact", (long) LOAD);
            assertThat(certificate.recordsErased()).isGreaterThanOrEqualTo(LOAD);
            assertThat(certificate.batches()).isEqualTo(batches.size());
            // every seeded person was left without records: each batch names its people in ONE tombstone
            List<Integer> peopleTombstones = jdbc.sql("""
                            SELECT cardinality(subject_ids) FROM erasure_log
                             WHERE reason = :reason AND subject_id IS NULL AND record_ids IS NULL
                               AND subject_ids && CAST(:seeded AS uuid[])
                            """)
                    .param("reason", Sweeper.LEFT_WITHOUT_RECORDS)
                    .param("seeded", seeded.subjects().toArray(UUID[]::new))
                    .query(Integer.class)
                    .list();
            assertThat(peopleTombstones).hasSizeBetween(1, certificate.batches());
            assertThat(peopleTombstones.stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(LOAD);
            assertThat(erasureChain().verify(rows -> {}).intact()).isTrue();
            System.out.printf(
                    "Swept %d records in %d ms (%d records/s) in %d batches%n",
                    outcome.progress().erased(),
                    outcome.progress().elapsedMillis(),
                    outcome.progress().perSecond(),
                    certificate.batches());
        } finally {
            seeded.delete(jdbc);
        }
    }

    @Test
    void twoNodesSweepingAtOnceNeverProcessTheSameRecordTwice() throws Exception {
        int count = 20_000;
        DueRecords seeded = null;
        try (ConfigurableApplicationContext second = TestServer.start(
                clock,
                properties.database().url(),
                properties.dataDir(),
                "--steward.catalog=" + StewardTest.CATALOGS,
                "--steward.retention.scheduled=false",
                "--steward.retention.batch-size=500")) {
            Sweeper other = second.getBean(Sweeper.class);
            // WHY a sweep of nothing on each node first: a node's first sweep builds its beans and loads its classes,
            // and a busy machine once let the warm node erase all 20,000 before the new one claimed a batch
            sweeper.sweep("test", progress -> {});
            other.sweep("test", progress -> {});
            seeded = DueRecords.seed(
                    jdbc, count, "bulk", "bulk-day", clock.instant().minusSeconds(1));
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Sweeper.Outcome> here = CompletableFuture.supplyAsync(() -> sweepAfter(start, sweeper));
            CompletableFuture<Sweeper.Outcome> there = CompletableFuture.supplyAsync(() -> sweepAfter(start, other));
            start.countDown();

            long erasedHere = bulkErased(here.get());
            long erasedThere = bulkErased(there.get());

            assertThat(erasedHere).as("records this node erased").isPositive();
            assertThat(erasedThere).as("records the other node erased").isPositive();
            assertThat(erasedHere + erasedThere).isEqualTo(count);
            assertThat(seeded.remaining(jdbc)).isZero();
            assertThat(seeded.tombstonesPerRecord(jdbc)).hasSize(count).containsOnly(1L);
        } finally {
            if (seeded != null) {
                seeded.delete(jdbc);
            }
        }
    }

    @Test
    void aScheduledTurnIsSweptByTheNodeHoldingTheClusterLockAndSkippedByTheOthers() throws Exception {
        int count = 1_000;
        DueRecords seeded =
                DueRecords.seed(jdbc, count, "bulk", "bulk-day", clock.instant().minusSeconds(1));
        SweepSchedule schedule = new SweepSchedule(sweeper, lock, transaction);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try {
            CompletableFuture<Void> otherNode =
                    CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                        assertThat(lock.tryLock("retention-sweep")).isTrue();
                        held.countDown();
                        await(done);
                    }));
            await(held);

            schedule.sweep();
            assertThat(seeded.remaining(jdbc))
                    .as("skipped while another node sweeps")
                    .isEqualTo(count);

            done.countDown();
            otherNode.get(20, TimeUnit.SECONDS);
            schedule.sweep();
            assertThat(seeded.remaining(jdbc)).isZero();
        } finally {
            done.countDown();
            seeded.delete(jdbc);
        }
    }

    @Test
    void aBackupRestoredFromBeforeASweepLosesTheSweptRecordsAgainOnRestoreReplay() {
        StoredRecords records = new StoredRecords(vault, identities);
        SubjectId first = records.person("swept-restored-1");
        SubjectId second = records.person("swept-restored-2");
        SubjectId third = records.person("swept-restored-3");
        RecordId one = records.trial(first, "swept-restored-1");
        RecordId other = records.trial(second, "swept-restored-2");
        List<UUID> people = List.of(first.value(), second.value(), third.value());
        // another module's data about each of them, which their erasure deletes through the vault's events
        people.forEach(this::restrict);
        DatabaseDump backup = DatabaseDump.of(properties.database().url());
        clock.set(records.summary(other).dueAt());
        sweeper.sweep("test", progress -> {});
        List<UUID[]> peopleTombstones = jdbc.sql("""
                        SELECT subject_ids FROM erasure_log
                         WHERE subject_id IS NULL AND record_ids IS NULL AND subject_ids && CAST(:people AS uuid[])
                        """)
                .param("people", people.toArray(UUID[]::new))
                .query((rs, row) -> (UUID[]) rs.getArray(1).getArray())
                .list();
        // a look also takes the notes earlier sweeps of this database left (another test's people may share its
        // tombstone): of this test's people, exactly the two left without records are named, each once
        assertThat(peopleTombstones.stream()
                        .flatMap(java.util.Arrays::stream)
                        .filter(people::contains)
                        .toList())
                .as("the people left without records are named by the batches' people tombstones, each once")
                .containsExactlyInAnyOrder(first.value(), second.value());
        // and one person erased alone, as every erasure was before batches of people: the log mixes both kinds
        transaction.executeWithoutResult(status -> vault.eraseSubject(third, "test: erased alone"));
        assertThat(restrictions(jdbc, people)).isZero();
        String restored =
                backup.restoreInto("swept_restored_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
        JdbcClient restoredJdbc =
                JdbcClient.create(new DriverManagerDataSource(restored, TestDatabase.user(), TestDatabase.password()));
        DueRecords inBackup =
                new DueRecords(List.of(first.value(), second.value()), List.of(one.value(), other.value()));
        assertThat(inBackup.remaining(restoredJdbc)).isEqualTo(2);

        TestServer.Run replay = TestServer.command(restored, properties.dataDir(), "restore-replay");

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(inBackup.remaining(restoredJdbc)).isZero();
        assertThat(inBackup.tombstonesPerRecord(restoredJdbc)).containsExactly(1L, 1L);
        assertThat(restoredJdbc
                        .sql("SELECT count(*) FROM data_subject WHERE id = ANY(:people)")
                        .param("people", people.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .as("the people the sweep left without records are erased again too, and the one erased alone")
                .isZero();
        assertThat(restrictions(restoredJdbc, people))
                .as("and what other modules held about them")
                .isZero();
        TestServer.Run verify = TestServer.command(restored, properties.dataDir(), "ledger", "verify");
        assertThat(verify.exit())
                .as("the replayed log, batches of records and of people and one person's, verifies: " + verify.err())
                .isZero();
    }

    private void restrict(UUID subject) {
        jdbc.sql("""
                        INSERT INTO restriction (id, subject_id, site, ground, since, lifted_at)
                        VALUES (:id, :subject, 'lab', 'accuracy', :at, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("subject", subject)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static long restrictions(JdbcClient jdbc, List<UUID> people) {
        return jdbc.sql("SELECT count(*) FROM restriction WHERE subject_id = ANY(:people)")
                .param("people", people.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private EvidenceChain erasureChain() {
        return chains.stream()
                .filter(chain -> chain.name().equals("erasure"))
                .findFirst()
                .orElseThrow();
    }

    private static Sweeper.Outcome sweepAfter(CountDownLatch start, Sweeper sweeper) {
        await(start);
        return sweeper.sweep("test", progress -> {});
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long bulkErased(Sweeper.Outcome outcome) {
        return outcome.certificate()
                .map(certificate -> certificate.byActivity().getOrDefault("lab/bulk", 0L))
                .orElse(0L);
    }
}
