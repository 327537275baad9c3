package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import dev.steward.test.Chromium;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LedgerVerifications;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A verification of the evidence chains runs in the background and can be followed: over the API (rows checked of
 * the total, then each chain's result), and on the console's Evidence page, which shows the progress and reloads
 * itself until the result is there. A chain of the test's own holds the verification halfway until the test lets it
 * go, on a server of its own so that no other test meets that chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceVerificationJobTest {

    private static final String ADDRESS = LedgerVerifications.ADDRESS;
    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    private final HeldChain held = new HeldChain();

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    ConfigurableApplicationContext context;
    JdbcClient jdbc;
    Http http;
    int port;

    @BeforeAll
    void start() throws Exception {
        context = TestServer.startWith(
                Map.of("heldTestChain", held),
                TestDatabase.newDatabase(),
                Files.createTempDirectory("steward-verification-"),
                "--steward.catalog=" + StewardTest.CATALOGS);
        jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("INSERT INTO chain_head (chain, seq, hash) VALUES (:chain, :seq, :hash)")
                .param("chain", HeldChain.NAME)
                .param("seq", HeldChain.ROWS)
                .param("hash", HeldChain.HEAD)
                .update();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = new Http(port);
    }

    @AfterAll
    void stop() {
        held.release();
        context.close();
    }

    @Test
    void aVerificationRunsInTheBackgroundTellsItsProgressAndKeepsItsResult() {
        held.hold();
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        long total =
                jdbc.sql("SELECT sum(seq) FROM chain_head").query(Long.class).single();

        HttpResponse<String> started = http.postJson(ADDRESS, "{}", StaffUsers.basic(auditor));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = Json.read(started.body());
        String id = job.get("id").asString();
        assertThat(started.headers().firstValue("Location")).hasValue(ADDRESS + "/" + id);
        assertThat(job.get("rowsTotal").asLong()).isEqualTo(total);
        JsonNode halfway = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> LedgerVerifications.read(http, id, ADMIN),
                        read -> read.get("rowsChecked").asLong() >= HeldChain.BEFORE_HOLD);
        assertThat(halfway.get("status").asString()).isEqualTo("running");
        assertThat(halfway.get("intact").isNull()).isTrue();
        assertThat(halfway.get("rowsChecked").asLong())
                .isLessThan(halfway.get("rowsTotal").asLong());

        // a second start, whoever asks, answers the verification this node runs
        HttpResponse<String> again = http.postJson(ADDRESS, "{}", ADMIN);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Json.read(again.body()).get("id").asString()).isEqualTo(id);
        // a support agent may neither start nor follow one
        String agent = StaffUsers.create(jdbc, "SUPPORT_AGENT", null);
        assertThat(http.postJson(ADDRESS, "{}", StaffUsers.basic(agent)).statusCode())
                .isEqualTo(403);
        assertThat(http.get(ADDRESS + "/" + id, StaffUsers.basic(agent)).statusCode())
                .isEqualTo(403);

        held.release();
        JsonNode done = LedgerVerifications.finished(http, id, ADMIN);

        assertThat(done.get("status").asString()).isEqualTo("finished");
        assertThat(done.get("intact").asBoolean()).isTrue();
        assertThat(done.get("rowsChecked").asLong()).isEqualTo(total);
        assertThat(done.get("startedBy").asString()).isEqualTo(auditor);
        assertThat(done.get("initiator").asString()).isEqualTo("api");
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(Json.rows(done.get("chains"), "chain"))
                .contains("consent", "audit", "erasure", "disclosure", "deletion-certificates", HeldChain.NAME);
        assertThat(LedgerVerifications.chain(done, HeldChain.NAME).get("rows").asLong())
                .isEqualTo(HeldChain.ROWS);
        assertThat(Json.read(http.get(ADDRESS, ADMIN).body()).get(0).get("id").asString())
                .as("the newest verification is listed first")
                .isEqualTo(id);
        assertThat(http.get(ADDRESS + "/" + java.util.UUID.randomUUID(), ADMIN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theEvidencePageShowsTheProgressAndReloadsItselfUntilTheResult() {
        held.hold();
        Page page = chromium.page(port, false);
        page.navigate("/admin/evidence");
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.navigate("/admin/evidence");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify now"))
                .click();
        page.getByText("A verification has started on this node.").waitFor();

        assertThat(page.textContent("main"))
                .contains("A verification has started on this node.")
                .contains("admin, from the console")
                .contains("Running")
                .containsPattern("[\\d,]+ of [\\d,]+ records checked \\(\\d+ %\\)")
                .contains("This page refreshes every five seconds")
                .containsPattern("(January|February|March|April|May|June|July|August|September|October|November"
                        + "|December) \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}[\\s\\u202f]?[AP]M UTC")
                .doesNotContain("running", "console.evidence", "evidence.status", "Every chain is intact.");
        assertThat(page.locator("progress").getAttribute("value")).isNotNull();

        held.release();
        // no script: the page reloads itself (a Refresh header) until the verification is done
        page.getByText("Every chain is intact.").waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertThat(page.textContent("main"))
                .containsPattern("Consent ledger\\s*\\d+\\s*Intact")
                .containsPattern("Audit trail\\s*\\d+\\s*Intact")
                .contains("Finished")
                .doesNotContain("This page refreshes");

        page.navigate("/admin/evidence?lang=de");
        assertThat(page.textContent("main"))
                .contains("Jede Kette ist intakt.", "admin, über die Konsole", "Einwilligungsregister")
                .containsPattern("\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
                        + "|November|Dezember) \\d{4}, \\d{2}:\\d{2} UTC")
                .doesNotContain("Every chain", "finished", "Running");
    }

    /**
     * A chain of 100 rows that tells 40 checked, then waits while the test holds it, as a chain of millions of rows
     * keeps a verification running for minutes.
     */
    static final class HeldChain implements EvidenceChain {

        static final String NAME = "test-held";
        static final long ROWS = 100;
        static final long BEFORE_HOLD = 40;
        static final byte[] HEAD = new byte[32];

        static {
            Arrays.fill(HEAD, (byte) 7);
        }

        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public HashChain.Verification verify(LongConsumer checked) {
            checked.accept(BEFORE_HOLD);
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the chain");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            checked.accept(ROWS - BEFORE_HOLD);
            return new HashChain.Verification(NAME, ROWS, null, null, ROWS, HEAD);
        }

        @Override
        public Map<Long, byte[]> hashesAt(Collection<Long> seqs) {
            return seqs.contains(ROWS) ? Map.of(ROWS, HEAD) : Map.of();
        }
    }
}
