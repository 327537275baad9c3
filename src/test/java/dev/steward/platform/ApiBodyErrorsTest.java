package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every failure under {@code /api} names its field in the API's error shape: a body that does not fit the request,
 * and a bad parameter of an address whose module also serves a console page.
 */
@StewardTest
class ApiBodyErrorsTest {

    private static final String REQUESTS = "/api/v1/sites/lab/requests";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName() {
        HttpResponse<String> refused =
                http.postJson(REQUESTS, "{\"type\":\"access\",\"email\":\"body-errors@example.org\",\"admin\":true}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .isEqualTo("{\"errors\":[{\"field\":\"admin\",\"code\":\"unknown-field\","
                        + "\"message\":\"'admin' is not a field of this request.\"}]}");
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        HttpResponse<String> refused = http.postJson(
                REQUESTS,
                "{\"type\":\"access\",\"email\":\"a@example.org\",\"email\":\"body-errors@example.org\"}",
                "Accept-Language",
                "de");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .isEqualTo("{\"errors\":[{\"field\":\"email\",\"code\":\"duplicate-field\","
                        + "\"message\":\"'email' ist zweimal angegeben; geben Sie es einmal an.\"}]}");
    }

    @Test
    void aFieldGivenTwiceInsideAnObjectIsNamedByItsPath() {
        HttpResponse<String> refused = http.postJson(
                "/api/v1/sites/omron-healthcare/forms/contest/submissions",
                "{\"fields\":{\"name\":\"A\",\"name\":\"B\"}}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("{\"field\":\"fields.name\",\"code\":\"duplicate-field\"");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() {
        HttpResponse<String> list = http.postJson(
                REQUESTS, "{\"type\":\"erasure\",\"email\":\"a@example.org\",\"grounds\":\"no-longer-necessary\"}");
        HttpResponse<String> nested = http.postJson(
                REQUESTS,
                "{\"type\":\"rectification\",\"email\":\"a@example.org\",\"changes\":{\"firstName\":{\"a\":1}}}");

        assertThat(list.statusCode()).isEqualTo(422);
        assertThat(list.body()).contains("{\"field\":\"grounds\",\"code\":\"invalid-type\"");
        assertThat(nested.statusCode()).isEqualTo(422);
        assertThat(nested.body()).contains("{\"field\":\"changes.firstName\",\"code\":\"invalid-type\"");
    }

    @Test
    void whatIsNotJsonAtAllStaysMalformed() {
        HttpResponse<String> refused = http.postJson(REQUESTS, "{\"type\":");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("{\"field\":null,\"code\":\"malformed-json\"");
    }

    @Test
    void badParametersOfAddressesBesideConsolePagesAreAnsweredAsTheApiAnswers() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> audit = http.get("/api/v1/admin/audit?subject=not-a-uuid", admin);
        HttpResponse<String> receipt = http.get("/api/v1/receipts/not-a-uuid");
        HttpResponse<String> missing = http.get("/api/v1/receipts/00000000-0000-4000-8000-000000000000");
        HttpResponse<String> ropa = http.get("/api/v1/admin/ropa?format=xml", admin);

        assertThat(audit.statusCode()).isEqualTo(400);
        assertThat(audit.body()).contains("{\"field\":\"subject\",\"code\":\"invalid\"");
        assertThat(receipt.statusCode()).isEqualTo(400);
        assertThat(receipt.body()).contains("{\"field\":\"id\",\"code\":\"invalid\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"not-found\"");
        assertThat(ropa.statusCode()).isEqualTo(422);
        assertThat(ropa.body()).contains("{\"field\":\"format\",\"code\":\"invalid\"");
    }

    @Test
    void anEncodedSlashInAnApiPathIsRefusedInTheApisShape() {
        HttpResponse<String> api = http.get("/api/v1/sites/lab/requests/..%2f..%2fadmin");
        HttpResponse<String> page = http.get("/s/lab/privacy-center/..%2F..%2Fadmin", "Accept", "text/html");

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(api.body()).contains("\"code\":\"bad-request\"");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Apache Tomcat");
    }

    @Test
    void anErrorKeepsItsStatusAndShapeWhateverTheCallerAccepts() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        java.util.List<String> failing = java.util.List.of(
                "/api/v1/receipts/00000000-0000-4000-8000-000000000000",
                "/api/v1/admin/requests/00000000-0000-4000-8000-000000000000",
                "/api/v1/no-such-thing",
                "/s/olympus-ims/consent.js?lang=x",
                "/s/nosuch/consent.js",
                "/s/olympus-ims/privacy.json?region=x");
        for (String path : failing) {
            HttpResponse<String> json = http.get(path, admin);
            for (String accept : new String[] {"text/html", "application/xml"}) {
                HttpResponse<String> answer = http.get(path, admin[0], admin[1], "Accept", accept);

                assertThat(answer.statusCode()).as(path + " for " + accept).isEqualTo(json.statusCode());
                assertThat(answer.statusCode()).as(path).isBetween(400, 499);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                assertThat(answer.body()).as(path + " for " + accept).isEqualTo(json.body());
            }
        }
    }

    @Test
    void dataAskedForAsAPageIsNotAcceptableInTheApisShape() {
        HttpResponse<String> notice = http.get("/s/olympus-ims/privacy.json?region=EU", "Accept", "text/html");

        assertThat(notice.statusCode()).isEqualTo(406);
        assertThat(notice.body()).startsWith("{\"errors\":[{\"field\":null,\"code\":\"not-acceptable\"");
    }
}
