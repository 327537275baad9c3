package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Receiver;
import dev.steward.test.StewardTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Telling recipients (GDPR Art. 19): signed webhooks with retries, and tasks for staff where there is no endpoint. */
@StewardTest
class RecipientWebhooksTest extends LabTestBase {

    /** The lab accounting partner's endpoint, as its catalog declares it. */
    static final int PARTNER_PORT = 47311;

    /** The outbound queue's default. */
    static final int MAX_ATTEMPTS = 8;

    @Autowired
    RecipientWebhooks webhooks;

    @Autowired
    JdbcClient jdbc;

    Receiver partner;

    @BeforeEach
    void setUp() {
        partner = Receiver.start(PARTNER_PORT, "/steward-hooks");
    }

    @AfterEach
    void tearDown() {
        partner.close();
    }

    @Test
    void aFailingEndpointIsRetriedWithGrowingPausesUntilItAcknowledgesAndEveryAttemptIsRecorded() throws Exception {
        customers.customer("notified");
        String request = erasureRequest("notified");
        partner.answer(503);

        deliver();
        assertThat(receivedAbout("notified")).hasSize(1);
        clock.advance(Duration.ofSeconds(59));
        deliver();
        assertThat(receivedAbout("notified")).as("not before the pause is over").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        deliver();
        assertThat(receivedAbout("notified")).hasSize(2);
        partner.answer(204);
        clock.advance(Duration.ofMinutes(2));
        deliver();

        assertThat(receivedAbout("notified")).hasSize(3);
        assertThat(jdbc.sql("""
                        SELECT d.status_code FROM recipient_notice_delivery d JOIN recipient_notice n ON n.id = d.notice_id
                        WHERE n.request_id = CAST(:request AS uuid) ORDER BY d.id
                        """).param("request", request).query(Integer.class).list())
                .containsExactly(503, 503, 204);
        Receiver.Received delivered = receivedAbout("notified").get(2);
        assertThat(delivered.headers().get("webhook-signature")).isEqualTo(expectedSignature(delivered));
        JsonNode payload = Json.read(delivered.body());
        assertThat(payload.get("type").asString()).isEqualTo("subject.erased");
        assertThat(payload.get("data").get("email").asString()).isEqualTo(Canary.email("notified"));
        assertThat(jdbc.sql("SELECT payload_enc IS NULL FROM recipient_notice WHERE request_id = CAST(:request AS uuid)"
                                + " AND recipient = 'lab-accounting'")
                        .param("request", request)
                        .query(Boolean.class)
                        .single())
                .as("the message naming the person is deleted once the recipient is told")
                .isTrue();
    }

    @Test
    void aRecipientWithoutAnEndpointIsATaskStaffConfirmAndTheRequesterSeesWhoWasTold() {
        customers.customer("printed");
        partner.answer(204);
        String request = erasureRequest("printed");
        deliver();

        JsonNode task = Json.read(staff("/api/v1/admin/recipient-tasks").body())
                .get("tasks")
                .valueStream()
                .filter(t -> t.get("request").asString().equals(request))
                .findFirst()
                .orElseThrow();
        assertThat(task.get("recipient").asString()).isEqualTo("lab-printer");
        assertThat(staff("/api/v1/admin/recipient-tasks/" + task.get("id").asString() + "/message")
                        .body())
                .contains(Canary.email("printed"))
                .contains("subject.erased");
        String taskPage = "/admin/recipient-tasks/" + task.get("id").asString();
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        assertThat(console.get(taskPage).body())
                .contains("Tell Lab Print Shop: data erased")
                .contains(Canary.email("printed"));
        assertThat(console.submit(taskPage, taskPage + "/confirm", Map.of())
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/requests"));

        JsonNode told =
                Json.read(staff("/api/v1/admin/requests/" + request).body()).get("recipientNotices");
        assertThat(Json.rows(told, "recipient", "channel", "status"))
                .containsExactlyInAnyOrder(
                        "lab-accounting | webhook | acknowledged", "lab-printer | manual | confirmed");
    }

    @Test
    void anEndpointThatKeepsFailingIsHandedToStaff() {
        customers.customer("unreachable");
        partner.answer(500);
        String request = erasureRequest("unreachable");

        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            deliver();
            clock.advance(Duration.ofHours(7));
        }

        assertThat(receivedAbout("unreachable")).hasSize(MAX_ATTEMPTS);
        JsonNode task = Json.read(staff("/api/v1/admin/recipient-tasks").body())
                .get("tasks")
                .valueStream()
                .filter(t -> t.get("request").asString().equals(request)
                        && t.get("recipient").asString().equals("lab-accounting"))
                .findFirst()
                .orElseThrow();
        assertThat(http.postJson(
                                "/api/v1/admin/recipient-tasks/"
                                        + task.get("id").asString() + "/confirm",
                                "{}",
                                admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(Json.rows(
                        Json.read(staff("/api/v1/admin/requests/" + request).body())
                                .get("recipientNotices"),
                        "recipient",
                        "status"))
                .contains("lab-accounting | confirmed");
    }

    String erasureRequest(String who) {
        clock.advance(Duration.ofSeconds(1));
        String id = Json.read(http.postJson(
                                "/api/v1/sites/lab/requests",
                                "{\"type\":\"erasure\",\"email\":\"" + Canary.email(who)
                                        + "\",\"region\":\"EU\",\"grounds\":[\"no-longer-necessary\"]}")
                        .body())
                .get("request")
                .asString();
        clock.advance(Duration.ofSeconds(1));
        String token = new Inbox(port).find(Canary.email(who), "verify\\?token=([\\w-]+)");
        http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}");
        assertThat(http.postJson("/api/v1/admin/requests/" + id + "/fulfil", "{}", admin())
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    void deliver() {
        webhooks.deliverDue();
    }

    /**
     * What the partner received about the person. WHY not everything it received: the test database is shared, and the
     * notices other tests' erasures and restrictions left for this partner (tests deliver webhooks themselves) are due
     * as well, so they reach this endpoint too whenever such a test ran first.
     */
    List<Receiver.Received> receivedAbout(String who) {
        return partner.received().stream()
                .filter(received -> received.body().contains("\"email\":\"" + Canary.email(who) + "\""))
                .toList();
    }

    /** What a recipient computes with its copy of the secret (Standard Webhooks, v1). */
    static String expectedSignature(Receiver.Received received) throws Exception {
        byte[] key = Base64.getDecoder().decode(StewardTest.WEBHOOK_SECRET.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = received.headers().get("webhook-id") + "."
                + received.headers().get("webhook-timestamp") + "." + received.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    java.net.http.HttpResponse<String> staff(String path) {
        return http.get(path, admin());
    }

    static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }
}
