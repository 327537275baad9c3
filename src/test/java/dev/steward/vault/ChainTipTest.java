package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.platform.HashChain;
import dev.steward.retention.DueRecords;
import dev.steward.test.Http;
import dev.steward.test.LabCustomers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removing the newest row of a chain breaks no link, since no row comes after it: the chain's head and its signed
 * checkpoints name it. For each of the five chains, the newest row is deleted as an attacker with full database access
 * would (triggers off), with and without moving the head back to match, and verification names the chain and the
 * missing row.
 */
class ChainTipTest {

    /** Each chain and its table. */
    private static final Map<String, String> CHAINS = Map.of(
            "consent", "consent_event",
            "audit", "audit_event",
            "erasure", "erasure_log",
            "disclosure", "disclosure",
            "deletion-certificates", "deletion_certificate");

    @Test
    void theNewestRowOfEachChainRemovedIsNamedByTheChainsHead() throws Exception {
        try (ConfigurableApplicationContext steward = freshSteward("--steward.checkpoints.poll=PT1H")) {
            JdbcClient jdbc = steward.getBean(JdbcClient.class);
            writeEveryChain(steward);
            Map<String, Long> newest = newestRows(jdbc);

            CHAINS.forEach((chain, table) -> removeNewest(jdbc, table));

            Map<String, HashChain.Verification> results = verify(steward);
            newest.forEach((chain, seq) -> assertThat(results.get(chain)).satisfies(result -> {
                assertThat(result.intact()).as(chain).isFalse();
                assertThat(result.brokenAt()).as(chain).isEqualTo(seq);
                assertThat(result.describe())
                        .isEqualTo(chain + ": BROKEN at row " + seq + ": the chain's head names row " + seq
                                + " but the chain ends at row " + (seq - 1) + ": its newest row was removed");
            }));
            TestServer.Run verify = TestServer.command(database(steward), dataDir(steward), "ledger", "verify");
            assertThat(verify.exit()).isEqualTo(1);
            newest.forEach((chain, seq) ->
                    assertThat(verify.err()).contains(chain + ": BROKEN at row " + seq + ": the chain's head names"));
        }
    }

    @Test
    void aRemovalHiddenByMovingTheHeadBackContradictsTheCheckpointSignedAfterEnoughRows() throws Exception {
        try (ConfigurableApplicationContext steward =
                freshSteward("--steward.checkpoints.poll=PT1H", "--steward.checkpoints.rows=1")) {
            JdbcClient jdbc = steward.getBean(JdbcClient.class);
            writeEveryChain(steward);
            // what the scheduler does every few seconds: every chain grew by at least one row
            steward.getBean(ChainCheckpoints.class).signDue();
            Map<String, Long> newest = newestRows(jdbc);

            CHAINS.forEach((chain, table) -> {
                removeNewest(jdbc, table);
                moveHeadBack(jdbc, chain, table);
            });

            Map<String, HashChain.Verification> results = verify(steward);
            newest.forEach((chain, seq) -> assertThat(results.get(chain)).satisfies(result -> {
                assertThat(result.brokenAt()).as(chain).isEqualTo(seq);
                assertThat(result.problem())
                        .as(chain)
                        .startsWith("the checkpoint of")
                        .endsWith("signed the chain up to row " + seq + " but it ends at row " + (seq - 1)
                                + " (its newest rows were removed)");
            }));
        }
    }

    @Test
    void aChainIsSignedOnceItGrewByTheRowsConfiguredOrTheIntervalPassedAndNotBefore() throws Exception {
        try (ConfigurableApplicationContext steward = freshSteward(
                "--steward.checkpoints.poll=PT1H",
                "--steward.checkpoints.rows=1000",
                "--steward.checkpoints.interval=PT10M")) {
            JdbcClient jdbc = steward.getBean(JdbcClient.class);
            ChainCheckpoints checkpoints = steward.getBean(ChainCheckpoints.class);
            AuditTrail audit = steward.getBean(AuditTrail.class);
            audit.record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), "first"));
            checkpoints.signDue();
            assertThat(signedUpTo(jdbc, "audit"))
                    .as("a chain never signed is signed at once")
                    .isEqualTo(1);

            audit.record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), "second"));
            steward.getBean(TestClock.class).advance(Duration.ofMinutes(9));
            checkpoints.signDue();
            assertThat(signedUpTo(jdbc, "audit"))
                    .as("one row, nine minutes: not yet")
                    .isEqualTo(1);

            steward.getBean(TestClock.class).advance(Duration.ofMinutes(1));
            checkpoints.signDue();
            assertThat(signedUpTo(jdbc, "audit")).as("the interval passed").isEqualTo(2);
            removeNewest(jdbc, "audit_event");
            moveHeadBack(jdbc, "audit", "audit_event");
            assertThat(verify(steward).get("audit").brokenAt()).isEqualTo(2L);
        }
    }

    private static void writeEveryChain(ConfigurableApplicationContext steward) {
        Vault vault = steward.getBean(Vault.class);
        LabCustomers customers = new LabCustomers(
                vault,
                steward.getBean(Identities.class),
                steward.getBean(ConsentLedger.class),
                steward.getBean(Disclosures.class));
        // consent, disclosures and the audit trail
        customers.customer("tip-1");
        customers.customer("tip-2");
        for (String reason : List.of("tip-1", "tip-2")) {
            steward.getBean(AuditTrail.class)
                    .record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), reason));
        }
        vault.eraseSubject(customers.subscriber("tip-3"), "test");
        vault.eraseSubject(customers.subscriber("tip-4"), "test");
        // two sweeps, two certificates
        JdbcClient jdbc = steward.getBean(JdbcClient.class);
        TestClock clock = steward.getBean(TestClock.class);
        Http http = TestServer.http(steward);
        for (int sweep = 0; sweep < 2; sweep++) {
            DueRecords.seed(jdbc, 3, "bulk", "bulk-day", clock.instant().minusSeconds(1));
            assertThat(http.postJson(
                                    "/api/v1/admin/retention/sweeps",
                                    "{}",
                                    Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(newestRows(jdbc))
                .allSatisfy((chain, seq) -> assertThat(seq).as(chain).isGreaterThan(1));
    }

    private static Map<String, Long> newestRows(JdbcClient jdbc) {
        Map<String, Long> newest = new LinkedHashMap<>();
        CHAINS.forEach((chain, table) -> newest.put(
                chain,
                jdbc.sql("SELECT max(seq) FROM " + table).query(Long.class).single()));
        return newest;
    }

    private static long signedUpTo(JdbcClient jdbc, String chain) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM chain_checkpoint WHERE chain = :chain")
                .param("chain", chain)
                .query(Long.class)
                .single();
    }

    /** As a superuser with every trigger off would. */
    private static void removeNewest(JdbcClient jdbc, String table) {
        jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER; ALTER TABLE consent_receipt DISABLE TRIGGER USER")
                .update();
        if (table.equals("consent_event")) {
            jdbc.sql("DELETE FROM consent_receipt WHERE event_id = (SELECT id FROM consent_event ORDER BY seq DESC"
                            + " LIMIT 1)")
                    .update();
        }
        jdbc.sql("DELETE FROM " + table + " WHERE seq = (SELECT max(seq) FROM " + table + ")")
                .update();
        jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER; ALTER TABLE consent_receipt ENABLE TRIGGER USER")
                .update();
    }

    private static void moveHeadBack(JdbcClient jdbc, String chain, String table) {
        jdbc.sql("UPDATE chain_head SET (seq, hash) = (SELECT seq, hash FROM " + table
                        + " ORDER BY seq DESC LIMIT 1) WHERE chain = :chain")
                .param("chain", chain)
                .update();
    }

    private static Map<String, HashChain.Verification> verify(ConfigurableApplicationContext steward) {
        Map<String, HashChain.Verification> results = new LinkedHashMap<>();
        steward.getBean(ChainCheckpoints.class).verifyAll().forEach(result -> results.put(result.chain(), result));
        return results;
    }

    private static ConfigurableApplicationContext freshSteward(String... settings) throws Exception {
        String[] all = new String[settings.length + 1];
        all[0] = "--steward.catalog=" + StewardTest.CATALOGS;
        System.arraycopy(settings, 0, all, 1, settings.length);
        return TestServer.start(TestDatabase.newDatabase(), Files.createTempDirectory("steward-tip-"), all);
    }

    private static String database(ConfigurableApplicationContext steward) {
        return steward.getEnvironment().getRequiredProperty("steward.database.url");
    }

    private static Path dataDir(ConfigurableApplicationContext steward) {
        return Path.of(steward.getEnvironment().getRequiredProperty("steward.data-dir"));
    }
}
