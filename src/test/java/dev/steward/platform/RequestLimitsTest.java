package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Rows;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bodies over the limit are refused with 413 before anything reads them; JSON text that is not Unicode with 422. */
@StewardTest
class RequestLimitsTest {

    private static final String ORDER = "/api/v1/sites/lab/forms/order/submissions";
    private static final int LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413InTheErrorShapeAndStoresNothing() {
        Map<String, Long> before = Rows.count(jdbc);

        HttpResponse<String> answer = http.postJson(ORDER, order("a".repeat(LIMIT)));

        assertThat(answer.statusCode()).isEqualTo(413);
        JsonNode error = error(answer);
        assertThat(error.get("code").asString()).isEqualTo("too-large");
        assertThat(error.get("message").asString()).contains("1,048,576 bytes");
        assertThat(Rows.grownSince(jdbc, before)).isEmpty();
    }

    @Test
    void aJsonBodySentWithoutALengthIsCutOffAtTheLimit() throws IOException, InterruptedException {
        byte[] body = order("b".repeat(LIMIT)).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ORDER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(error(answer).get("code").asString()).isEqualTo("too-large");
    }

    @Test
    void aBodyUnderTheLimitIsRead() {
        HttpResponse<String> answer = http.postJson(ORDER, order("c".repeat(LIMIT - 4096)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void aFormPostedByABrowserOverTheLimitGetsAPageSayingSo() {
        Map<String, String> fields =
                SeedForms.olympusContact().with("message", "d".repeat(LIMIT)).fields();

        HttpResponse<String> answer = http.postForm("/s/olympus-ims/forms/contact", fields, "Accept", "text/html");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("Too much to send").doesNotContain("Exception");
    }

    @Test
    void aLoneSurrogateInJsonIsRefusedWith422NamingTheFieldAndStoresNothing() {
        Map<String, Long> before = Rows.count(jdbc);

        HttpResponse<String> inValue = http.postJson(ORDER, order("Ann\\ud800e"));
        HttpResponse<String> lowAlone = http.postJson(ORDER, order("\\udc00"));
        HttpResponse<String> inName = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"access\",\"email\":\"a@example.org\",\"details\":{\"x\\ud83d\":1}}");

        assertThat(inValue.statusCode()).isEqualTo(422);
        JsonNode error = error(inValue);
        assertThat(error.get("field").asString()).isEqualTo("fields.name");
        assertThat(error.get("code").asString()).isEqualTo("invalid-text");
        assertThat(error.get("message").asString()).doesNotContain("Ann");
        assertThat(lowAlone.statusCode()).isEqualTo(422);
        assertThat(inName.statusCode()).isEqualTo(422);
        assertThat(error(inName).get("field").asString())
                .as("the object holding the name, never the name")
                .isEqualTo("details");
        assertThat(Rows.grownSince(jdbc, before)).isEmpty();
    }

    @Test
    void aSurrogatePairIsOneCharacterAndAccepted() {
        HttpResponse<String> answer = http.postJson(ORDER, order(Canary.name("Smile") + " \\ud83d\\ude00"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private static JsonNode error(HttpResponse<String> answer) {
        return Json.read(answer.body()).get("errors").get(0);
    }

    private static String order(String name) {
        return "{\"fields\":{\"email\":\"" + Canary.email(SeedForms.unique("limits")) + "\",\"name\":\"" + name
                + "\",\"cardToken\":\"tok_1Nv0canary\",\"deliveryDate\":\"2026-04-01\"},\"birthDate\":\"1990-05-17\"}";
    }
}
