package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Canary;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        server.getBean(Identities.class).forAddress(Identifier.email(known));
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
        assertThat(ledger.receipt(given.id()))
                .hasValueSatisfying(jws -> assertThat(jws.split("\\.")).hasSize(3));
        assertThat(server.getBean(Identities.class).carrying(Identifier.email(erased)).stream()
                        .findFirst())
                .isEmpty();
        TestServer.Run verify = TestServer.command(database, dataDir, "ledger", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("consent: intact, 3 rows");
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAtItsPlaceAndNothingIsWritten() throws IOException {
        String wordingAt = "lab," + Canary.email("bad-3") + ",newsletter,given,2026-01-05T10:00:00Z,banner,";
        Path file = file(HEADER
                + "lab," + Canary.email("bad-1") + ",newsletter,given,2026-01-05T10:00:00Z,banner," + WORDING + "\n"
                + "nowhere," + Canary.email("bad-2") + ",newsletter,given,2026-01-05T10:00:00Z,banner," + WORDING
                + "\n" + "lab,not-an-address,tea,shrugged,yesterday,pigeon," + WORDING + "\n"
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
                        file + ":7:5: a quoted value is not closed on its line",
                        file + ":6:5: email: Steward holds nothing about this address and no line before gives a"
                                + " consent for it")
                .last()
                .isEqualTo("9 problem(s) found; nothing was imported");
        assertThat(run.err()).doesNotContain(Canary.MARKER);
        assertThat(events()).isEqualTo(before);
        assertThat(server.getBean(Identities.class).carrying(Identifier.email(Canary.email("bad-1"))).stream()
                        .findFirst())
                .isEmpty();
    }

    @Test
    void withoutAFileItPrintsItsUsage() {
        TestServer.Run run = TestServer.command(database, dataDir, "consent", "import");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Missing required parameter: 'FILE'")
                .contains("Usage: java -jar steward.jar consent import [-hV] FILE");
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
