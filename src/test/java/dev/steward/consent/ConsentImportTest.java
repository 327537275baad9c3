package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.LabCustomers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code consent import FILE} beside a running server on the same database: a good file lands in the ledger, chained
 * and signed, and the server's decisions see it; a bad file is refused line by line and changes nothing.
 */
class ConsentImportTest {

    private static final String HEADER = "site,email,purpose,action,occurred_at,method,wording\n";
    private static final String WORDING = "\"Send me the monthly lab newsletter.\"";

    @TempDir
    Path dataDir;

    private String database;
    private ConfigurableApplicationContext server;

    @BeforeEach
    void startServer() {
        database = TestDatabase.newDatabase();
        server = TestServer.start(database, dataDir, "--steward.catalog=" + StewardTest.CATALOGS);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aGoodFileIsChainedSignedAndSeenByTheRunningServersDecisions() throws IOException {
        String known = Canary.email("imported-known");
        onLab(known);
        String erased = Canary.email("imported-erased");
        server.getBean(SuppressionList.class).add(List.of(Identifier.email(erased)));
        Path file = file(HEADER
                + "lab," + Canary.email("imported-new") + ",newsletter,given,2026-01-05T10:00:00Z,banner," + WORDING
                + "\n" + "lab," + known + ",newsletter,given,2026-01-06T10:00:00Z,import," + WORDING + "\n"
                + "lab," + known + ",newsletter,withdrawn,2026-01-07T10:00:00Z,,\n"
                + "lab," + erased + ",newsletter,given,2026-01-07T10:00:00Z,import," + WORDING + "\n");

        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("consent import: checking 100% [")
                .contains("consent import: writing 100% [")
                .contains("] 3/3 rows");
        assertThat(run.out()).contains("Imported 3 consent events").contains("skipped 1 of people who were erased");
        ConsentDecisions decisions = server.getBean(ConsentDecisions.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(decisions
                            .decide("lab", Canary.email("imported-new"), "newsletter", null)
                            .reason())
                    .isEqualTo("consent-given");
            assertThat(decisions.decide("lab", known, "newsletter", null).reason())
                    .isEqualTo("consent-withdrawn");
        });
        SubjectId imported =
                server.getBean(Identities.class).carrying(Identifier.email(Canary.email("imported-new"))).stream()
                        .findFirst()
                        .orElseThrow();
        ConsentLedger ledger = server.getBean(ConsentLedger.class);
        ConsentEvent given = ledger.history(imported).get(0);
        assertThat(given.method()).isEqualTo("banner");
        assertThat(given.noticeVersion()).isEqualTo("1");
        assertReceiptVerifies(given);
        assertThat(checkpointOfTheImport()).isEqualTo(3L);
        assertThat(server.getBean(Identities.class).carrying(Identifier.email(erased)).stream()
                        .findFirst())
                .isEmpty();
        TestServer.Run verify = TestServer.command(database, dataDir, "ledger", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("consent: intact, 3 rows");
    }

    /**
     * Batches are written while the next is prepared: people given a consent in one batch withdraw it in later ones
     * (their subjects created, and copied, by an earlier batch), a known person and an erased one sit in every batch,
     * and the chain, its checkpoints, the receipts and the decisions come out as if written one batch at a time.
     */
    @Test
    void aFileOfSeveralBatchesIsChainedInOrderWithEachPersonFiledOnce() throws IOException {
        int people = 7_000;
        String known = Canary.email("batches-known");
        onLab(known);
        String erased = Canary.email("batches-erased");
        server.getBean(SuppressionList.class).add(List.of(Identifier.email(erased)));
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < people; i++) {
            text.append("lab,person-")
                    .append(i)
                    .append("@batches.invalid,newsletter,given,2026-01-05T10:00:00Z,import,")
                    .append(WORDING)
                    .append('\n');
            if (i % 1_000 == 0) {
                text.append("lab,")
                        .append(known)
                        .append(",newsletter,given,2026-01-05T10:00:00Z,import,")
                        .append(WORDING)
                        .append("\nlab,")
                        .append(erased)
                        .append(",newsletter,given,2026-01-05T10:00:00Z,import,")
                        .append(WORDING)
                        .append('\n');
            }
        }
        for (int i = 0; i < people; i += 2) {
            text.append("lab,person-")
                    .append(i)
                    .append("@batches.invalid,newsletter,withdrawn,2026-01-06T10:00:00Z,,\n");
        }
        int rows = people + people / 1_000 + people / 2;

        TestServer.Run run = TestServer.command(
                database, dataDir, "consent", "import", file(text.toString()).toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported " + rows + " consent events").contains("skipped 7 of people");
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(DISTINCT subject_id) FROM consent_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(people + 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM consent_event e WHERE NOT EXISTS"
                                + " (SELECT 1 FROM data_subject s WHERE s.id = e.subject_id)")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*), max(seq) FROM chain_checkpoint WHERE chain = 'consent'")
                        .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly((long) (rows + 4_999) / 5_000, (long) rows);
        SubjectId withdrew =
                server.getBean(Identities.class).carrying(Identifier.email("person-6998@batches.invalid")).stream()
                        .findFirst()
                        .orElseThrow();
        List<ConsentEvent> history = server.getBean(ConsentLedger.class).history(withdrew);
        assertThat(history)
                .extracting(ConsentEvent::action)
                .containsExactly(ConsentAction.GIVEN, ConsentAction.WITHDRAWN);
        assertReceiptVerifies(history.get(0));
        ConsentDecisions decisions = server.getBean(ConsentDecisions.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(decisions
                            .decide("lab", "person-6998@batches.invalid", "newsletter", null)
                            .reason())
                    .isEqualTo("consent-withdrawn");
            assertThat(decisions
                            .decide("lab", "person-6999@batches.invalid", "newsletter", null)
                            .reason())
                    .isEqualTo("consent-given");
        });
        TestServer.Run verify = TestServer.command(database, dataDir, "ledger", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("consent: intact, " + rows + " rows");
    }

    /**
     * The import asks whether the people it found while checking are still there, batch by batch, without their keys:
     * someone erased in between fails the whole file, and nothing is written.
     */
    @Test
    void aPersonErasedBetweenTheCheckAndTheWriteFailsTheImportAndNothingIsWritten() throws IOException {
        String address = Canary.email("erased-meanwhile");
        SubjectId subject = onLab(address);
        erasedAfterTheCheckFailsEverything(
                HEADER
                        + "lab,new-person@meanwhile.invalid,newsletter,given,2026-01-05T10:00:00Z,import," + WORDING
                        + "\n"
                        + "lab," + address + ",newsletter,withdrawn,2026-01-06T10:00:00Z,,\n",
                subject,
                "new-person@meanwhile.invalid");
    }

    /**
     * The same for a person whose line is in a later batch: whether they are still there is asked on another
     * connection while the batch before is copied, and their erasure still fails the whole file, the batch already
     * copied included.
     */
    @Test
    void aPersonErasedBeforeALaterBatchFailsTheImportAndNothingIsWritten() throws IOException {
        String address = Canary.email("erased-later");
        SubjectId subject = onLab(address);
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < ConsentImportWriter.BATCH + 10; i++) {
            text.append("lab,later-")
                    .append(i)
                    .append("@meanwhile.invalid,newsletter,given,2026-01-05T10:00:00Z,import,")
                    .append(WORDING)
                    .append('\n');
        }
        text.append("lab,").append(address).append(",newsletter,withdrawn,2026-01-06T10:00:00Z,,\n");
        erasedAfterTheCheckFailsEverything(text.toString(), subject, "later-0@meanwhile.invalid");
    }

    /** An import cannot pass its lines off as relayed by an integrator's key or recorded by staff. */
    @Test
    void anEvidenceReferenceOfStewardsOwnIsRefusedAtItsPlace() throws IOException {
        String line =
                "lab," + Canary.email("forged") + ",newsletter,given,2026-01-05T10:00:00Z,import," + WORDING + ",";
        Path file = file(HEADER.strip() + ",evidence_ref\n" + line + "api-key:" + SubjectId.random() + "\n" + line
                + "audit:7\n" + line + "letter-2026-17\n");

        ConsentFileImport.Checked checked =
                server.getBean(ConsentFileImport.class).check(ConsentFileImport.read(file, bytes -> {}));

        assertThat(checked.problems())
                .extracting(problem -> problem.line() + ":" + problem.column())
                .containsExactly("2:" + (line.length() + 1), "3:" + (line.length() + 1));
        assertThat(checked.problems().get(0).message()).startsWith("evidence_ref: a reference starting 'api-key:'");
    }

    /** Checks the file, erases the subject, and expects the write to fail with no event and no new person written. */
    private void erasedAfterTheCheckFailsEverything(String text, SubjectId subject, String newAddress)
            throws IOException {
        ConsentFileImport importer = server.getBean(ConsentFileImport.class);
        ConsentFileImport.Checked checked = importer.check(ConsentFileImport.read(file(text), bytes -> {}));
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.known().get("lab")).containsValue(subject);

        server.getBean(Vault.class).eraseSubject(subject, "erasure request");

        assertThatThrownBy(() -> importer.write(checked, rows -> {})).isInstanceOf(NotFoundException.class);
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM consent_event")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(server.getBean(Identities.class).carrying(Identifier.email(newAddress)))
                .isEmpty();
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAtItsPlaceAndNothingIsWritten() throws IOException {
        String wordingAt = "lab," + Canary.email("bad-3") + ",newsletter,given,2026-01-05T10:00:00Z,banner,";
        Path file = file(HEADER
                + "lab," + Canary.email("bad-1") + ",newsletter,given,2026-01-05T10:00:00Z,banner," + WORDING + "\n"
                + "nowhere," + Canary.email("bad-2") + ",newsletter,given,2026-01-05T10:00:00Z,banner," + WORDING
                + "\n" + "lab,not@an-address,tea,shrugged,yesterday,pigeon," + WORDING + "\n"
                + wordingAt + "\n"
                + "lab," + Canary.email("bad-4") + ",newsletter,withdrawn,2026-01-05T10:00:00Z,banner,\n"
                + "lab,\"unclosed,newsletter,given\n");
        long before = events();

        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines())
                .contains(
                        file + ":3:1: site: no site 'nowhere' in the catalog; the sites are"
                                + " [olympus-ims, omron-healthcare, lab]",
                        file + ":4:5: email: not an e-mail address",
                        file + ":4:24: action: 'shrugged' is not one of"
                                + " [given, withdrawn, confirmed, renewed, lapsed, objected]",
                        file + ":4:43: method: 'pigeon' is not one of"
                                + " [form, banner, account-page, privacy-center, email-link, one-click, unsubscribe-mail, import, api]",
                        file + ":4:33: occurred_at: not an ISO-8601 time with offset, such as 2025-05-01T10:15:00Z",
                        file + ":4:20: purpose: Site 'lab' declares no purpose 'tea'.",
                        file + ":5:" + (wordingAt.length() + 1)
                                + ": wording: A consent given needs the exact wording the person was shown.",
                        file + ":7:5: a quoted value is not closed before the end of the file",
                        file + ":6:5: email: Steward holds nothing about this address on site 'lab' and no line"
                                + " before gives a consent for it there")
                .last()
                .isEqualTo("9 problem(s) found; nothing was imported");
        assertThat(run.err()).doesNotContain(Canary.MARKER);
        assertThat(events()).isEqualTo(before);
        assertThat(server.getBean(Identities.class).carrying(Identifier.email(Canary.email("bad-1"))).stream()
                        .findFirst())
                .isEmpty();
    }

    @Test
    void aQuotedValueMaySpanLinesAndHoldCommasAndQuotes() throws IOException {
        String wording = "Send me the monthly lab newsletter,\nwith its \"recipe of the month\".";
        Path file = file(HEADER + "lab," + Canary.email("multi-line")
                + ",newsletter,given,2026-01-05T10:00:00Z,banner,\"" + wording.replace("\"", "\"\"") + "\"\n");

        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        SubjectId imported =
                server.getBean(Identities.class).carrying(Identifier.email(Canary.email("multi-line"))).stream()
                        .findFirst()
                        .orElseThrow();
        ConsentEvent given =
                server.getBean(ConsentLedger.class).history(imported).get(0);
        assertThat(given.wordingSha256()).isEqualTo(Sha256.hex(wording));
    }

    @Test
    void aProblemAfterAValueSpanningLinesIsReportedAtTheLineItsRecordStartsOn() throws IOException {
        String start = "lab," + Canary.email("spanning") + ",newsletter,";
        Path file = file(HEADER
                + start + "shrugged,2026-01-05T10:00:00Z,banner,\"Send me the\nnewsletter.\"\n"
                + "lab," + Canary.email("after") + ",tea,given,2026-01-05T10:00:00Z,banner," + WORDING + "\n"
                + "lab," + Canary.email("stray") + ",newsletter,given,\"2026-01-05\"T10:00:00Z,banner," + WORDING
                + "\n");
        long before = events();

        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.startsWith(file.toString())))
                .containsExactly(
                        file + ":2:" + (start.length() + 1) + ": action: 'shrugged' is not one of"
                                + " [given, withdrawn, confirmed, renewed, lapsed, objected]",
                        file + ":4:" + (("lab," + Canary.email("after")).length() + 2)
                                + ": purpose: Site 'lab' declares no purpose 'tea'.",
                        file + ":5:" + (("lab," + Canary.email("stray") + ",newsletter,given,").length() + 1)
                                + ": a quoted value must be followed by a comma or the line end");
        assertThat(run.err()).contains("3 problem(s) found; nothing was imported");
        assertThat(run.err()).doesNotContain(Canary.MARKER);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void tamperingWithAnImportedEventIsFoundByLedgerVerify() throws IOException {
        Path file = file(HEADER + "lab," + Canary.email("tampered") + ",newsletter,given,2026-01-05T10:00:00Z,banner,"
                + WORDING + "\n");
        assertThat(TestServer.command(database, dataDir, "consent", "import", file.toString())
                        .exit())
                .isZero();
        server.getBean(JdbcClient.class)
                .sql("ALTER TABLE consent_event DISABLE TRIGGER USER;"
                        + " UPDATE consent_event SET action = 'withdrawn' WHERE seq = 1;"
                        + " ALTER TABLE consent_event ENABLE TRIGGER USER")
                .update();

        TestServer.Run verify = TestServer.command(database, dataDir, "ledger", "verify");

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err())
                .contains("consent: BROKEN at row 1: its content does not match its hash (the row was changed)");
    }

    @Test
    void withoutAFileItPrintsItsUsage() {
        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Missing required parameter: 'FILE'")
                .contains("Usage: java -jar steward.jar consent import [-hV] FILE");
    }

    /**
     * An imported event's receipt is signed on its first request: a standard JWS that verifies against the published
     * key, and the same receipt on every later request.
     */
    private void assertReceiptVerifies(ConsentEvent event) {
        Http http = TestServer.http(server);
        String jws = http.get("/api/v1/receipts/" + event.id()).body();
        try {
            OctetKeyPair key = (OctetKeyPair)
                    JWKSet.parse(http.get("/.well-known/jwks.json").body())
                            .getKeys()
                            .get(0);
            JWSObject receipt = JWSObject.parse(jws);
            assertThat(receipt.verify(new Ed25519Verifier(key))).isTrue();
            assertThat(receipt.getPayload().toJSONObject())
                    .containsEntry("consentReceiptID", event.id().toString())
                    .containsEntry("piiPrincipalId", event.subject().toString())
                    .containsEntry("state", "given");
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
        assertThat(http.get("/api/v1/receipts/" + event.id()).body()).isEqualTo(jws);
    }

    /** The row of the consent chain signed as the import wrote its batch (`ledger verify` checks the signature). */
    private long checkpointOfTheImport() {
        return server.getBean(JdbcClient.class)
                .sql("SELECT seq FROM chain_checkpoint WHERE chain = 'consent' ORDER BY seq DESC LIMIT 1")
                .query(Long.class)
                .single();
    }

    /** Someone the lab site knows (a subscription there), so that the lab's lines are filed under them. */
    private SubjectId onLab(String address) {
        SubjectId subject = server.getBean(Identities.class).forAddress(Identifier.email(address));
        server.getBean(Vault.class).store(subject, LabCustomers.newsletter(Map.of("email", address)));
        return subject;
    }

    private long events() {
        return server.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM consent_event")
                .query(Long.class)
                .single();
    }

    private Path file(String text) throws IOException {
        Path file = dataDir.resolve("consents.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
