package dev.steward.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.StewardProperties;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Aggregate statistics for partners (seed 002): counts only, and no cell smaller than the catalog's k. */
@StewardTest
class StatisticsTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    RequestLog log;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StewardProperties properties;

    @Test
    void theAggregateExportHasNoCellBelowK() {
        LocalDate day = visitsOnADayOfTheirOwn();
        Http http = new Http(port);

        JsonNode report =
                Json.read(http.get("/api/v1/admin/statistics?site=olympus-ims&from=" + day + "&to=" + day, ADMIN)
                        .body());

        assertThat(report.get("minimumCount").asInt())
                .as("Olympus's aggregateMinimumCount")
                .isEqualTo(5);
        assertThat(cells(report)).containsExactly("day | " + day + " | 8 | 14", "site | olympus-ims | 8 | 14");
        assertThat(report.get("tables")
                        .valueStream()
                        .map(table -> table.get("suppressedCells").asInt()))
                .as("France and Safari, two visitors each, are left out, and with them Germany and Firefox:"
                        + " 8 visits in all less Germany's 6 would give France's 2 away")
                .containsExactly(0, 0, 2, 2);
        assertNoCellBelow(report, 5);
        assertThat(report.toString()).doesNotContain("203.0.113").doesNotContain("198.51.100");

        HttpResponse<String> csv =
                http.get("/api/v1/admin/statistics?site=olympus-ims&from=" + day + "&to=" + day + "&format=csv", ADMIN);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"statistics-olympus-ims-" + day + "-" + day + ".csv\"");
        assertThat(csv.body().lines())
                .containsExactly("dimension,value,visits,requests", "day," + day + ",8,14", "site,olympus-ims,8,14");

        JsonNode everySite = Json.read(http.get("/api/v1/admin/statistics?from=" + day + "&to=" + day, ADMIN)
                .body());
        assertThat(everySite.get("minimumCount").asInt())
                .as("over several sites the largest k: Omron's")
                .isEqualTo(10);
        assertNoCellBelow(everySite, 10);
        assertThat(cells(everySite)).isEmpty();

        TestServer.Run command = TestServer.command(
                properties.database().url(),
                properties.dataDir(),
                "statistics",
                "export",
                "--site",
                "olympus-ims",
                "--from",
                day.toString(),
                "--to",
                day.toString());
        assertThat(command.exit()).as(command.err()).isZero();
        assertThat(command.out()).isEqualTo(csv.body());
    }

    @Test
    void badRequestsAreAnsweredFieldByField() {
        Http http = new Http(port);

        assertThat(errors(http.get("/api/v1/admin/statistics?site=olympus-ims&from=2026-13-01", ADMIN)))
                .containsExactly("from | invalid");
        assertThat(errors(http.get(
                        "/api/v1/admin/statistics?site=olympus-ims&from=%2B999999999-01-01&to=%2B999999999-01-02",
                        ADMIN)))
                .containsExactlyInAnyOrder("from | invalid", "to | invalid");
        assertThat(errors(http.get("/api/v1/admin/statistics?from=2026-03-10&to=2026-03-01", ADMIN)))
                .containsExactly("to | before-from");
        assertThat(errors(http.get("/api/v1/admin/statistics?from=2024-01-01&to=2026-03-01", ADMIN)))
                .containsExactly("to | too-long");
        assertThat(errors(http.get("/api/v1/admin/statistics?site=nowhere", ADMIN)))
                .containsExactly("site | unknown");
        assertThat(errors(http.get("/api/v1/admin/statistics?site=lab", ADMIN))).containsExactly("site | not-logged");
        assertThat(errors(http.get("/api/v1/admin/statistics?site=olympus-ims&format=xml", ADMIN)))
                .containsExactly("format | invalid");
        String scoped = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare");
        assertThat(errors(http.get("/api/v1/admin/statistics?site=olympus-ims", StaffUsers.basic(scoped))))
                .containsExactly("site | unknown");
        assertThat(http.get("/api/v1/admin/statistics?site=olympus-ims").statusCode())
                .isEqualTo(401);
    }

    /** Eight visitors on a day no other test has requests on: six from Germany on Firefox, two from France on Safari. */
    private LocalDate visitsOnADayOfTheirOwn() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        clock.set(day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
        for (int i = 1; i <= 6; i++) {
            Visitor german = Visitor.of(port, "203.0.113." + i, Visitor.FIREFOX, "CF-IPCountry", "DE");
            german.get("/s/olympus-ims/");
            german.get("/s/olympus-ims/privacy");
        }
        for (int i = 1; i <= 2; i++) {
            Visitor.of(port, "198.51.100." + i, Visitor.SAFARI, "CF-IPCountry", "FR")
                    .get("/s/olympus-ims/");
        }
        log.flush();
        return day;
    }

    private static List<String> cells(JsonNode report) {
        return report.get("tables")
                .valueStream()
                .flatMap(table -> table.get("cells")
                        .valueStream()
                        .map(cell -> table.get("dimension").asString()
                                + " | " + cell.get("value").asString() + " | "
                                + cell.get("visits").asLong() + " | "
                                + cell.get("requests").asLong()))
                .toList();
    }

    private static void assertNoCellBelow(JsonNode report, int k) {
        report.get("tables")
                .valueStream()
                .flatMap(table -> table.get("cells").valueStream())
                .forEach(cell -> {
                    assertThat(cell.get("visits").asLong()).isGreaterThanOrEqualTo(k);
                    assertThat(cell.get("requests").asLong()).isGreaterThanOrEqualTo(k);
                });
    }

    private static List<String> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.rows(Json.read(response.body()).get("errors"), "field", "code");
    }
}
