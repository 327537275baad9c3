package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Receiver;
import dev.steward.test.Scrape;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Rights requests by deadline and recipients' webhooks by outcome and backlog, as Prometheus reads them while
 * requests are made, verified, fulfilled and their recipients told.
 */
@StewardTest
@TestPropertySource(properties = Scrape.OWN_CONTEXT)
class RightsMetricsTest extends LabTestBase {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    private static final String[] ACCESS = {"site", "lab", "type", "access"};

    @Autowired
    RecipientWebhooks webhooks;

    String[] key;

    @BeforeEach
    void setUp() {
        key = Scrape.metricsKey(port);
    }

    @Test
    void openRequestsAreCountedPerSiteAndTypeAsTheirDeadlineComesAndPasses() {
        customers.customer("metered");
        submitAndVerify("{\"type\":\"access\",\"email\":\"" + Canary.email("metered") + "\",\"region\":\"EU\"}");

        Scrape received = Scrape.of(port, key);
        clock.advance(Duration.ofDays(25));
        Scrape dueSoon = Scrape.of(port, key);
        clock.advance(Duration.ofDays(10));
        Scrape overdue = Scrape.of(port, key);

        assertThat(received.value("steward_rights_requests_open", ACCESS)).isEqualTo(1);
        assertThat(received.value("steward_rights_requests_due_soon", ACCESS)).isZero();
        assertThat(received.value("steward_rights_requests_overdue", ACCESS)).isZero();
        assertThat(dueSoon.value("steward_rights_requests_open", ACCESS)).isEqualTo(1);
        assertThat(dueSoon.value("steward_rights_requests_due_soon", ACCESS)).isEqualTo(1);
        assertThat(dueSoon.value("steward_rights_requests_overdue", ACCESS)).isZero();
        assertThat(overdue.value("steward_rights_requests_due_soon", ACCESS)).isZero();
        assertThat(overdue.value("steward_rights_requests_overdue", ACCESS)).isEqualTo(1);
        assertThat(overdue.text()).doesNotContainIgnoringCase(Canary.MARKER);
    }

    @Test
    void webhookDeliveriesAreCountedByOutcomeWithTheBacklogAndItsAge() {
        String[] job = {"queue", RecipientWebhooks.JOB};
        try (Receiver partner = Receiver.start(RecipientWebhooksTest.PARTNER_PORT, "/steward-hooks")) {
            customers.customer("metered-erasure");
            String request = submitAndVerify("{\"type\":\"erasure\",\"email\":\"" + Canary.email("metered-erasure")
                    + "\",\"region\":\"EU\",\"grounds\":[\"no-longer-necessary\"]}");
            assertThat(http.postJson("/api/v1/admin/requests/" + request + "/fulfil", "{}", ADMIN)
                            .statusCode())
                    .isEqualTo(200);
            Scrape queued = Scrape.of(port, key);

            partner.answer(503);
            clock.advance(Duration.ofSeconds(30));
            webhooks.deliverDue();
            Scrape retrying = Scrape.of(port, key);
            partner.answer(204);
            clock.advance(Duration.ofMinutes(2));
            webhooks.deliverDue();
            Scrape delivered = Scrape.of(port, key);

            assertThat(queued.value("steward_outbound_backlog", job)).isEqualTo(1);
            assertThat(queued.value("steward_outbound_backlog_age_seconds", job))
                    .isZero();
            assertThat(retrying.since(queued, "steward_outbound_deliveries_total", "queue", job[1], "outcome", "retry"))
                    .isEqualTo(1);
            assertThat(retrying.value("steward_outbound_backlog", job)).isEqualTo(1);
            assertThat(retrying.value("steward_outbound_backlog_age_seconds", job))
                    .as("counted from when it was first due, not from its retry")
                    .isEqualTo(30);
            assertThat(delivered.since(queued, "steward_outbound_deliveries_total", "queue", job[1], "outcome", "done"))
                    .isEqualTo(1);
            assertThat(delivered.value("steward_outbound_backlog", job)).isZero();
            assertThat(delivered.value("steward_outbound_backlog_age_seconds", job))
                    .isZero();
        }
    }

    @Test
    void mailGoesThroughTheSameQueueAndItsDeliveriesAreCounted() throws InterruptedException {
        customers.customer("metered-mail");
        Scrape before = Scrape.of(port, key);
        submitAndVerify("{\"type\":\"access\",\"email\":\"" + Canary.email("metered-mail") + "\",\"region\":\"EU\"}");

        // the verification mail is delivered by the mail job's own schedule (every 10 seconds)
        Scrape after = Scrape.of(port, key);
        for (int wait = 0; wait < 30 && sent(after) <= sent(before); wait++) {
            Thread.sleep(1000);
            after = Scrape.of(port, key);
        }

        assertThat(sent(after)).isGreaterThan(sent(before));
    }

    private static double sent(Scrape scrape) {
        return scrape.value("steward_outbound_deliveries_total", "queue", "mail", "outcome", "done");
    }

    /** Submits a request, verifies it with the link mailed, and answers its id. */
    private String submitAndVerify(String json) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> submitted = http.postJson("/api/v1/sites/lab/requests", json);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String email = Json.read(json).get("email").asString();
        clock.advance(Duration.ofSeconds(1));
        String token = new Inbox(port).find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        return Json.read(submitted.body()).get("request").asString();
    }
}
