package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.ClusterLock;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.SweepErasure;
import dev.steward.vault.SweptBatch;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every record a sweep erases is named by exactly one deletion certificate, through the tombstones that name it: the
 * certificate of its run, or, when the run died before certifying, the certificate the next sweep assembles from the
 * batches the run committed. (Runs killed for real: {@code SweepKilledIT}.)
 */
@StewardTest
class CertificateCoverageTest {

    @LocalServerPort
    int port;

    @Autowired
    Sweeper sweeper;

    @Autowired
    SweepErasure erasure;

    @Autowired
    SweepBatchRepository batches;

    @Autowired
    DeletionCertificates certificates;

    @Autowired
    RetentionRules rules;

    @Autowired
    ClusterLock lock;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theCertificateOfARunNamesTheTombstonesOfEveryRecordItErasedAndNoOtherCertificateDoes() {
        DueRecords seeded =
                DueRecords.seed(jdbc, 3_000, "bulk", "bulk-day", clock.instant().minusSeconds(1));

        DeletionCertificate certificate =
                sweeper.sweep("test", progress -> {}).certificate().orElseThrow();

        assertThat(seeded.remaining(jdbc)).isZero();
        assertThat(certificate.run()).isNotNull();
        assertThat(certificate.interrupted()).isFalse();
        assertThat(certificate.tombstones()).containsAll(tombstonesOf(seeded));
        assertThat(tombstonesInMoreThanOneCertificate()).isEmpty();
        assertThat(uncertifiedBatches()).isZero();
    }

    @Test
    void aRunThatDiedIsCertifiedFromItsCommittedBatchesAndARunStillGoingIsLeftAlone() throws Exception {
        DueRecords seeded =
                DueRecords.seed(jdbc, 40, "bulk", "bulk-day", clock.instant().minusSeconds(1));
        SweepRun run = new SweepRun(UUID.randomUUID(), "schedule", clock.instant(), clock.instant());
        CountDownLatch alive = new CountDownLatch(1);
        CountDownLatch dies = new CountDownLatch(1);
        // the run holds its lock on a connection of its own, as Sweeper does, until it "dies"
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            lock.tryLock(run.lock());
            alive.countDown();
            await(dies);
        }));
        assertThat(alive.await(10, TimeUnit.SECONDS)).isTrue();
        transaction.executeWithoutResult(status -> {
            SweptBatch batch = erasure.sweepDue(
                    run.sweptUntil(), 1_000, SweepErasure.Share.ALL, Set.of(), Set.of(), List.of(), Sweeper.REASON);
            batches.record(run, SweepTally.ofBatch(batch.erased(), 0, batch.tombstones(), rules), clock.instant());
        });
        assertThat(seeded.remaining(jdbc)).isZero();

        assertThat(certificates.certifyInterrupted())
                .as("the run is still going")
                .isEmpty();
        dies.countDown();
        running.get(10, TimeUnit.SECONDS);
        List<DeletionCertificate> issued = certificates.certifyInterrupted();

        assertThat(issued).hasSize(1);
        DeletionCertificate certificate = issued.get(0);
        assertThat(certificate.run()).isEqualTo(run.id());
        assertThat(certificate.interrupted()).isTrue();
        assertThat(certificate.recordsErased()).isGreaterThanOrEqualTo(40);
        assertThat(certificate.tombstones()).containsAll(tombstonesOf(seeded));
        assertThat(certificates.certifyInterrupted()).as("certified once").isEmpty();
        assertThat(tombstonesInMoreThanOneCertificate()).isEmpty();
        JsonNode shown = Json.read(new Http(port)
                .get(
                        "/api/v1/admin/retention/certificates/" + certificate.id(),
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                .body());
        assertThat(shown.get("interrupted").asBoolean()).isTrue();
        assertThat(shown.get("tombstones")).hasSize(certificate.tombstones().size());
        assertThat(Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                        .get("/admin/retention/certificates/" + certificate.id())
                        .body())
                .contains("The sweep stopped before it could certify its work");
    }

    private List<UUID> tombstonesOf(DueRecords seeded) {
        return jdbc.sql("SELECT DISTINCT e.id FROM erasure_log e, unnest(e.record_ids) AS r(id) WHERE r.id = ANY(:ids)")
                .param("ids", seeded.records().toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    private List<UUID> tombstonesInMoreThanOneCertificate() {
        return jdbc.sql("""
                        SELECT t FROM deletion_certificate, unnest(tombstone_ids) AS t
                         GROUP BY t HAVING count(*) > 1
                        """).query(UUID.class).list();
    }

    private long uncertifiedBatches() {
        return jdbc.sql("SELECT count(*) FROM sweep_batch").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
