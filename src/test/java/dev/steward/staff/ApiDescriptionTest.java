package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Redocly;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description is honest and complete: Redocly's recommended rules find no error in it, every operation
 * says who may call it and how, and the errors it promises are the errors Steward answers.
 */
@StewardTest
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void redoclysRecommendedRulesFindNoError() throws Exception {
        HttpResponse<String> docs = http.get("/v3/api-docs");
        Path file = Path.of("target", "api-docs.json");
        Files.writeString(file, docs.body());

        Redocly.Result lint = Redocly.lint(file);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).as(lint.output()).contains("Woohoo! Your API description is valid.");
    }

    @Test
    void theDescriptionNamesItsSchemesVersionModulesAndErrorShape() {
        JsonNode api = Json.read(http.get("/v3/api-docs").body());

        assertThat(api.at("/info/title").asString()).isEqualTo("Steward API");
        assertThat(api.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.at("/info/contact/url").asString()).startsWith("http");
        assertThat(api.at("/components/securitySchemes/staff/scheme").asString())
                .isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/apiKey/scheme").asString())
                .isEqualTo("bearer");
        JsonNode receipts = api.at("/paths/~1api~1v1~1receipts~1{id}/get");
        assertThat(receipts.at("/tags/0").asString()).isEqualTo("consent");
        assertThat(receipts.at("/security").isArray()).isTrue();
        assertThat(api.at("/paths/~1.well-known~1jwks.json/get/summary").asString())
                .isNotBlank();
        JsonNode ropa = api.at("/paths/~1api~1v1~1admin~1ropa/get");
        assertThat(ropa.at("/tags/0").asString()).isEqualTo("notice");
        assertThat(ropa.at("/security/0/staff").isArray()).isTrue();
        assertThat(ropa.at("/security/1/apiKey").isArray()).isTrue();
        assertThat(ropa.at("/description").asString()).contains("Permission: Read the records of processing");
        assertThat(ropa.at("/responses/401/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ApiErrors");
        JsonNode decision = api.at("/paths/~1api~1v1~1consent-decisions/get");
        assertThat(decision.at("/security/0/apiKey").isArray()).isTrue();
        assertThat(decision.at("/security/1").isMissingNode()).isTrue();
        JsonNode submission = api.at("/paths/~1api~1v1~1sites~1{site}~1forms~1{form}~1submissions/post");
        assertThat(submission
                        .at("/responses/429/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ApiErrors");
        assertThat(submission.at("/responses/415").isMissingNode()).isFalse();
        assertThat(submission.at("/responses/201/content").propertyNames()).containsExactly("application/json");
        JsonNode relayed = api.at("/paths/~1api~1v1~1consent-events/post/responses");
        assertThat(relayed.at("/400/description").asString()).contains("malformed-json");
        assertThat(relayed.at("/422/description").asString())
                .contains("unknown-field")
                .contains("duplicate-field")
                .contains("invalid-type");
        assertThat(relayed.at("/429/description").asString()).contains("rate-limited");
        assertThat(receipts.at("/responses/404/description").asString()).contains("not-found");
        assertThat(receipts.at("/responses/400/description").asString()).contains("invalid");
        assertThat(ropa.at("/responses/422/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ApiErrors");
    }

    @Test
    void a401NamesTheSchemesItTakesInTheErrorShape() {
        HttpResponse<String> anonymous = http.get("/api/v1/admin/audit");
        HttpResponse<String> wrongKey = http.get("/api/v1/admin/audit", "Authorization", "Bearer stw_nothing");
        HttpResponse<String> wrongPassword = http.get("/api/v1/admin/audit", Http.basic("admin", "wrong"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .anySatisfy(value -> assertThat(value).startsWith("Basic realm=\"Steward\""))
                .anySatisfy(value -> assertThat(value).startsWith("Bearer realm=\"Steward\""));
        assertThat(anonymous.body()).startsWith("{\"errors\":[{\"field\":null,\"code\":\"not-authenticated\"");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(wrongKey.body()).contains("\"code\":\"invalid-api-key\"");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("\"code\":\"not-authenticated\"");
    }

    @Test
    void unknownAddressesMethodsAndContentTypesUnderApiAnswerInTheErrorShape() {
        HttpResponse<String> unknown = http.get("/api/v1/no-such-thing");
        HttpResponse<String> method = http.send("DELETE", "/api/v1/sites");
        HttpResponse<String> form = http.postForm("/api/v1/sites/lab/requests", java.util.Map.of("type", "access"));
        HttpResponse<String> page = http.get("/s/no-such-page-anywhere/at/all", "Accept", "text/html");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body())
                .isEqualTo("{\"errors\":[{\"field\":null,\"code\":\"not-found\","
                        + "\"message\":\"There is nothing at this address.\"}]}");
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("\"code\":\"method-not-allowed\"");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("\"code\":\"unsupported-media-type\"");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).as("pages keep their page").contains("<html");
    }
}
