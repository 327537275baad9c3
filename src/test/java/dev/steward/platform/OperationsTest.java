package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What an operator's tooling reads: build and git details, and the probes a Kubernetes deployment uses. */
@StewardTest
class OperationsTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void infoNamesTheBuildAndTheCommitItWasBuiltFrom() {
        HttpResponse<String> info = http.get("/actuator/info", Http.basic("admin", StewardTest.ADMIN_PASSWORD));

        assertThat(http.get("/actuator/info").statusCode())
                .as("the build is for whom health details are")
                .isEqualTo(401);
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = Json.read(info.body());
        assertThat(body.at("/build/artifact").asString()).isEqualTo("steward");
        assertThat(body.at("/build/version").asString()).isNotBlank();
        assertThat(body.at("/build/time").asString()).isNotBlank();
        assertThat(body.at("/git/commit/id").asString()).matches("[0-9a-f]{7,}");
    }

    @Test
    void livenessAndReadinessProbesAreUpAndReadinessCoversTheDatabaseAndTheCatalog() {
        HttpResponse<String> liveness = http.get("/actuator/health/liveness");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");
        assertThat(http.get("/actuator/health/readiness", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .contains("\"db\"", "\"catalog\"", "\"readinessState\"");
    }
}
