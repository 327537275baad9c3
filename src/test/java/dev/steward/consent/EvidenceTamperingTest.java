package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.HashChain;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.LedgerVerifications;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import dev.steward.vault.ChainCheckpoints;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Changing, removing or reordering evidence is detected with the row named. Each case runs on its own database so
 * that a broken chain cannot disturb other tests; the tampering is done as a database superuser with the
 * append-only triggers switched off, as an attacker with full database access would.
 */
class EvidenceTamperingTest {

    @Test
    void theCodeAndTheDatabaseBothRefuseToChangeTheLedger() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            context.getBean(AuditTrail.class)
                    .record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), null));
            assertThatThrownBy(() -> jdbc.sql("UPDATE consent_event SET action = 'given' WHERE seq = 2")
                            .update())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("consent_event is append-only: UPDATE refused");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                    .hasMessageContaining("audit_event is append-only: DELETE refused");
        });
    }

    @Test
    void aChangedConsentRowIsNamed() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            tamper(jdbc, "UPDATE consent_event SET action = 'given' WHERE seq = 2");

            assertThat(verify(context, "consent")).satisfies(result -> {
                assertThat(result.intact()).isFalse();
                assertThat(result.brokenAt()).isEqualTo(2);
                assertThat(result.problem()).isEqualTo("its content does not match its hash (the row was changed)");
            });
        });
    }

    /** Staff find the tampering through a verification they start and follow, in the API and on the console. */
    @Test
    void aVerificationStaffStartNamesTheChangedRowAndKeepsItsFinding() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            tamper(jdbc, "UPDATE consent_event SET action = 'given' WHERE seq = 2");
            String officer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", null);

            JsonNode verification = LedgerVerifications.run(TestServer.http(context), StaffUsers.basic(officer));

            assertThat(verification.get("status").asString()).isEqualTo("finished");
            assertThat(verification.get("intact").asBoolean()).isFalse();
            JsonNode consent = LedgerVerifications.chain(verification, "consent");
            assertThat(consent.get("brokenAt").asLong()).isEqualTo(2);
            assertThat(consent.get("problem").asString())
                    .isEqualTo("its content does not match its hash (the row was changed)");
            assertThat(LedgerVerifications.chain(verification, "audit")
                            .get("intact")
                            .asBoolean())
                    .isTrue();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(Console.signIn(port, officer, StaffUsers.PASSWORD)
                            .get("/admin/evidence")
                            .body())
                    .contains("A chain is broken")
                    .contains("BROKEN at row 2: its content does not match its hash (the row was changed)")
                    .contains(officer + ", from the API");
            // the staff member's language, not the English the API answers
            assertThat(Console.signIn(port, officer, StaffUsers.PASSWORD)
                            .get("/admin/evidence?lang=de")
                            .body())
                    .contains(
                            "BESCHÄDIGT bei Eintrag 2: Sein Inhalt passt nicht zu seinem Hash (der Eintrag wurde geändert)")
                    .doesNotContain("does not match");
        });
    }

    @Test
    void aDeletedConsentRowIsNamed() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            tamper(
                    jdbc,
                    "DELETE FROM consent_receipt WHERE event_id = (SELECT id FROM consent_event WHERE seq = 2);"
                            + " DELETE FROM consent_event WHERE seq = 2");

            assertThat(verify(context, "consent")).satisfies(result -> {
                assertThat(result.brokenAt()).isEqualTo(3);
                assertThat(result.problem())
                        .isEqualTo("the row before it is missing: expected row 2 (a row was removed)");
            });
        });
    }

    @Test
    void swappedConsentRowsAreNamed() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            tamper(
                    jdbc,
                    "UPDATE consent_event SET seq = -1 WHERE seq = 2; UPDATE consent_event SET seq = 2 WHERE seq = 3;"
                            + " UPDATE consent_event SET seq = 3 WHERE seq = -1");

            assertThat(verify(context, "consent")).satisfies(result -> {
                assertThat(result.brokenAt()).isEqualTo(2);
                assertThat(result.problem()).startsWith("its link to the previous row does not match");
            });
        });
    }

    @Test
    void aChangedAuditRowIsNamed() {
        withFreshSteward((context, jdbc) -> {
            AuditTrail audit = context.getBean(AuditTrail.class);
            for (int i = 0; i < 3; i++) {
                audit.record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), "ticket-" + i));
            }
            tamper(jdbc, "UPDATE audit_event SET actor = 'someone-else' WHERE seq = 3");

            assertThat(verify(context, "audit"))
                    .extracting(HashChain.Verification::brokenAt, HashChain.Verification::problem)
                    .containsExactly(3L, "its content does not match its hash (the row was changed)");
        });
    }

    /**
     * A reason Steward words is hashed with its code and arguments, so changing an argument (the number of people split
     * off, say) breaks the chain; the entries around it, one without a code as every entry written before, verify.
     */
    @Test
    void aCodedAuditReasonIsCoveredByTheHashAndEntriesWithoutACodeStillVerify() {
        withFreshSteward((context, jdbc) -> {
            AuditTrail audit = context.getBean(AuditTrail.class);
            audit.record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), "ticket-1"));
            audit.record(AuditEntry.worded("officer", "split-subject", null, null, List.of(), "subjects-split", 2));
            audit.record(new AuditEntry("officer", "read-record", null, "lab", List.of("email"), null));
            assertThat(verify(context, "audit").intact()).isTrue();
            assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE seq = 2")
                            .query(String.class)
                            .single())
                    .isEqualTo("Subjects split off: 2");

            tamper(jdbc, "UPDATE audit_event SET reason_args = '{1}' WHERE seq = 2");

            assertThat(verify(context, "audit"))
                    .extracting(HashChain.Verification::brokenAt, HashChain.Verification::problem)
                    .containsExactly(2L, "its content does not match its hash (the row was changed)");
        });
    }

    @Test
    void aChainRewrittenConsistentlyStillContradictsItsSignedCheckpoint() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            context.getBean(ChainCheckpoints.class).signHeads();
            tamper(jdbc, "DELETE FROM consent_receipt; DELETE FROM consent_event WHERE seq = 3");
            jdbc.sql(
                            "UPDATE chain_head SET seq = 2, hash = (SELECT hash FROM consent_event WHERE seq = 2) WHERE chain = 'consent'")
                    .update();

            assertThat(verify(context, "consent")).satisfies(result -> {
                assertThat(result.brokenAt()).isEqualTo(3);
                assertThat(result.problem())
                        .startsWith("the checkpoint of")
                        .endsWith("signed the chain up to row 3 but it ends at row 2 (its newest rows were removed)");
            });
        });
    }

    @Test
    void ledgerVerifyExitsZeroWhenIntactAndOneNamingTheRowOtherwise() {
        withFreshSteward((context, jdbc) -> {
            recordThreeConsents(context);
            String database = context.getEnvironment().getRequiredProperty("steward.database.url");
            Path dataDir = Path.of(context.getEnvironment().getRequiredProperty("steward.data-dir"));

            long rows = jdbc.sql("SELECT sum(seq) FROM chain_head")
                    .query(Long.class)
                    .single();

            TestServer.Run intact = TestServer.command(database, dataDir, "ledger", "verify");
            assertThat(intact.exit()).isZero();
            assertThat(intact.out())
                    .contains("consent: intact, 3 rows")
                    .contains("audit: intact")
                    .contains("erasure: intact");
            assertThat(intact.err()).contains("ledger verify 100% [").contains("] " + rows + "/" + rows + " rows");

            tamper(jdbc, "UPDATE consent_event SET purpose = 'invoicing' WHERE seq = 1");
            TestServer.Run broken = TestServer.command(database, dataDir, "ledger", "verify");
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.err())
                    .contains("consent: BROKEN at row 1: its content does not match its hash (the row was changed)");
        });
    }

    private static HashChain.Verification verify(ConfigurableApplicationContext context, String chain) {
        return context.getBean(ChainCheckpoints.class).verifyAll().stream()
                .filter(result -> result.chain().equals(chain))
                .findFirst()
                .orElseThrow();
    }

    private static void recordThreeConsents(ConfigurableApplicationContext context) {
        Vault vault = context.getBean(Vault.class);
        ConsentLedger ledger = context.getBean(ConsentLedger.class);
        SubjectId subject = context.getBean(Identities.class).forAddress(Identifier.email(Canary.email("tamper")));
        for (ConsentAction action : List.of(ConsentAction.GIVEN, ConsentAction.WITHDRAWN, ConsentAction.GIVEN)) {
            ledger.record(ConsentRequest.of(subject, "lab", "newsletter", action, CollectionMethod.FORM)
                    .withWording("Send me the newsletter."));
        }
    }

    /** Runs the statements with every trigger off, as a superuser restoring or editing rows by hand would. */
    private static void tamper(JdbcClient jdbc, String statements) {
        jdbc.sql("ALTER TABLE consent_event DISABLE TRIGGER USER; ALTER TABLE consent_receipt DISABLE TRIGGER USER;"
                        + " ALTER TABLE audit_event DISABLE TRIGGER USER")
                .update();
        for (String statement : statements.split(";")) {
            jdbc.sql(statement).update();
        }
        jdbc.sql("ALTER TABLE consent_event ENABLE TRIGGER USER; ALTER TABLE consent_receipt ENABLE TRIGGER USER;"
                        + " ALTER TABLE audit_event ENABLE TRIGGER USER")
                .update();
    }

    private interface Scenario {
        void run(ConfigurableApplicationContext context, JdbcClient jdbc) throws Exception;
    }

    private static void withFreshSteward(Scenario scenario) {
        try (ConfigurableApplicationContext context = TestServer.start(
                TestDatabase.newDatabase(),
                Files.createTempDirectory("steward-tamper-"),
                "--steward.catalog=" + StewardTest.CATALOGS)) {
            scenario.run(context, context.getBean(JdbcClient.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
