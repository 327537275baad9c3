package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health tells everybody whether Steward is up, and its details only to whom the matrix grants them; metrics go to
 * a metrics key (or an administrator of every site) and to nobody else. A metrics key covers every site, so only
 * an administrator of every site makes one.
 */
@StewardTest
class ActuatorAccessTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthShowsItsDetailsOnlyToAMetricsKeyOrAnAdministrator() {
        String[] metrics = Http.bearer(key("{\"name\":\"scraper\",\"kind\":\"metrics\"}"));

        HttpResponse<String> anonymous = http.get("/actuator/health");
        HttpResponse<String> scraper = http.get("/actuator/health", metrics);
        HttpResponse<String> officer =
                http.get("/actuator/health", StaffUsers.basic(StaffUsers.add(port, "PRIVACY_OFFICER", null)));

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components")
                .doesNotContain("catalog");
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("\"catalog\"").contains("\"db\"").contains("\"details\"");
        assertThat(officer.statusCode()).isEqualTo(403);
    }

    @Test
    void metricsGoToAMetricsKeyOnly() {
        String[] metrics = Http.bearer(key("{\"name\":\"prometheus\",\"kind\":\"metrics\"}"));
        String[] integrator = Http.bearer(key("{\"name\":\"shop\",\"kind\":\"integrator\"}"));

        HttpResponse<String> scraped = http.get("/actuator/prometheus", metrics);

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("application_ready_time_seconds");
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", integrator).statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", StaffUsers.basic(StaffUsers.add(port, "ADMIN", "lab")))
                        .statusCode())
                .as("metrics cover every site: not for an administrator of one")
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/audit", metrics).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org", metrics)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void onlyAnAdministratorOfEverySiteMakesAMetricsKeyAndItNamesNoSites() {
        String[] labAdmin = StaffUsers.basic(StaffUsers.add(port, "ADMIN", "lab"));

        HttpResponse<String> scoped =
                http.postJson("/api/v1/admin/api-keys", "{\"name\":\"mine\",\"kind\":\"metrics\"}", labAdmin);
        HttpResponse<String> withSites = http.postJson(
                "/api/v1/admin/api-keys",
                "{\"name\":\"lab metrics\",\"kind\":\"metrics\",\"sites\":[\"lab\"]}",
                Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        HttpResponse<String> console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .submit("/admin/api-keys", "/admin/api-keys", Map.of("name", "console scraper", "kind", "metrics"));

        assertThat(scoped.statusCode()).isEqualTo(422);
        assertThat(scoped.body()).contains("{\"field\":\"sites\",\"code\":\"beyond-your-sites\"");
        assertThat(withSites.statusCode()).isEqualTo(422);
        assertThat(withSites.body()).contains("{\"field\":\"sites\",\"code\":\"every-site\"");
        assertThat(console.body()).contains("Key console scraper created");
        String token = console.body().replaceAll("(?s).*<code>(stw_[A-Za-z0-9_]+)</code>.*", "$1");
        assertThat(http.get("/actuator/prometheus", Http.bearer(token)).statusCode())
                .isEqualTo(200);
    }

    private String key(String json) {
        HttpResponse<String> created =
                http.postJson("/api/v1/admin/api-keys", json, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("token").asString();
    }
}
