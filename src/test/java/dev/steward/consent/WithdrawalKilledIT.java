package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.InitializedSteward;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An integrator's withdrawal by e-mail address reaches every subject carrying the address on its site ({@value
 * #SUBJECTS} here: as many order forms sent with one address, each a subject of its own). Steward is killed with
 * SIGKILL while it records that one request, before it answered: the request must be in the ledger whole or not at
 * all, since the integrator saw no answer and will send it again. On main each subject's withdrawal was a transaction
 * of its own, and the kill left some of them withdrawn and the rest not.
 */
class WithdrawalKilledIT {

    private static final int SUBJECTS = 300;
    private static final int PORT = 18874;
    private static final String ADDRESS = Canary.email("twin", "withdrawal.test");
    private static final String WITHDRAWAL = """
            {"site":"lab","email":"%s","purpose":"newsletter","action":"withdrawn","method":"api"}""".formatted(ADDRESS);

    @Test
    void aWithdrawalKilledWhileItIsRecordedIsInTheLedgerWholeOrNotAtAll() throws Exception {
        InitializedSteward steward = InitializedSteward.copy(
                "withdrawal_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = JdbcClient.create(
                new DriverManagerDataSource(steward.database(), TestDatabase.user(), TestDatabase.password()));
        String[] settings = {
            "--steward.intake.rate-limit.per-ip=100000",
            "--steward.intake.rate-limit.per-email=100000",
            "--steward.retention.scheduled=false"
        };

        String[] integrator;
        long withdrawnAtKill;
        long millisToKill;
        try (StewardProcess first =
                StewardProcess.serve(steward.database(), steward.dataDir(), PORT, Duration.ofSeconds(90), settings)) {
            Http http = first.http();
            HttpResponse<String> key = http.postJson(
                    "/api/v1/admin/api-keys",
                    "{\"name\":\"lab shop\",\"kind\":\"integrator\",\"sites\":[\"lab\"]}",
                    Http.basic("admin", StewardTest.ADMIN_PASSWORD));
            assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
            String[] bearer = Http.bearer(Http.group(key.body(), "\"token\":\"([^\"]+)\""));
            integrator = bearer;
            for (int i = 0; i < SUBJECTS; i++) {
                HttpResponse<String> order = http.postJson(
                        "/api/v1/sites/lab/forms/order/submissions", """
                        {"fields":{"email":"%s","name":"%s","cardToken":"tok_canary%d"},"birthDate":"1990-05-17",\
                        "consents":["newsletter"]}""".formatted(ADDRESS, Canary.name("Twin"), i));
                assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
            }
            long sent = System.nanoTime();
            CompletableFuture<HttpResponse<String>> answer =
                    CompletableFuture.supplyAsync(() -> http.postJson("/api/v1/consent-events", WITHDRAWAL, bearer));
            // inside the request: once its first withdrawal committed, or its transaction has run a while
            first.awaitUntil(() -> withdrawn(jdbc) > 0 || inLongTransaction(jdbc), Duration.ofSeconds(30));
            first.kill();
            millisToKill = (System.nanoTime() - sent) / 1_000_000;
            withdrawnAtKill = withdrawn(jdbc);
            assertThat(answer.handle((response, failure) -> response == null ? 0 : response.statusCode())
                            .get())
                    .as("no answer: killed while recording")
                    .isZero();
        }
        System.out.println("WithdrawalKilledIT: " + withdrawnAtKill + " of " + SUBJECTS
                + " subjects withdrawn at the kill, " + millisToKill + " ms after the request");
        assertThat(withdrawnAtKill)
                .as("the request's withdrawals, all or none, at the kill")
                .isIn(0L, (long) SUBJECTS);

        StewardProcess.Finished verified =
                StewardProcess.run(steward.database(), steward.dataDir(), Duration.ofSeconds(120), "ledger", "verify");
        assertThat(verified.exit()).as(verified.output()).isZero();

        try (StewardProcess second =
                StewardProcess.serve(steward.database(), steward.dataDir(), PORT, Duration.ofSeconds(90), settings)) {
            HttpResponse<String> again = second.http().postJson("/api/v1/consent-events", WITHDRAWAL, integrator);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM consent_event e
                         WHERE e.purpose = 'newsletter'
                           AND e.seq = (SELECT max(seq) FROM consent_event l
                                         WHERE l.subject_id = e.subject_id AND l.purpose = e.purpose)
                           AND e.action = 'withdrawn'
                        """).query(Long.class).single())
                .as("sent again, the withdrawal reaches every subject")
                .isEqualTo(SUBJECTS);
    }

    /** A transaction of Steward's on the database has run for longer than any but the request's takes. */
    private static boolean inLongTransaction(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                                          AND xact_start < now() - interval '300 milliseconds')
                        """).query(Boolean.class).single();
    }

    private static long withdrawn(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(DISTINCT subject_id) FROM consent_event WHERE action = 'withdrawn'")
                .query(Long.class)
                .single();
    }
}
