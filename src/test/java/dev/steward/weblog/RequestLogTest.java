package dev.steward.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.StewardProperties;
import dev.steward.test.DatabaseDump;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Steward's own request log: what the seed lists, no more than the catalog declares, no full IP after the session. */
@StewardTest
class RequestLogTest {

    private static final String ROW = """
            SELECT site, ip_truncated, browser, browser_version, device, operating_system, country, city, language,
                   referrer_host, visit_start, ip_key IS NOT NULL AS ip_key, session_key IS NOT NULL AS session_key
              FROM request_log WHERE ip_truncated = :ip AND id > :after ORDER BY id
            """;

    @LocalServerPort
    int port;

    @Autowired
    RequestLog log;

    @Autowired
    RequestLogExpiry expiry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestClock clock;

    @Autowired
    StewardProperties properties;

    /**
     * The log's last row before the test. WHY: the test database is shared, and other tests' visitors come from the
     * same documentation ranges (StatisticsTest's from 203.0.113.x and 198.51.100.x), so that a truncated address alone
     * named their rows too whenever such a test ran first.
     */
    private long lastRowBefore;

    @BeforeEach
    void noteTheLogsEnd() {
        log.flush();
        lastRowBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM request_log")
                .query(Long.class)
                .single();
    }

    @Test
    void logsWhatTheSeedListsButOnlyWhatTheSitesCatalogDeclares() {
        Visitor visitor = Visitor.of(
                port,
                "203.0.113.77",
                Visitor.CHROME,
                "CF-IPCountry",
                "de",
                "CF-IPCity",
                "Hamburg",
                "Accept-Language",
                "de-DE,de;q=0.9,en;q=0.5",
                "Referer",
                "https://www.example.org/search?q=flaw+detector");

        assertThat(visitor.get("/s/olympus-ims/privacy").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/s/omron-healthcare/privacy").statusCode()).isEqualTo(200);
        log.flush();

        assertThat(rows("203.0.113.0"))
                .containsExactly(
                        Map.ofEntries(
                                Map.entry("site", "olympus-ims"),
                                Map.entry("ip_truncated", "203.0.113.0"),
                                Map.entry("browser", "Chrome"),
                                Map.entry("browser_version", "126"),
                                Map.entry("device", "desktop"),
                                Map.entry("operating_system", "Windows 10 or 11"),
                                Map.entry("country", "DE"),
                                Map.entry("city", "Hamburg"),
                                Map.entry("language", "de-DE"),
                                Map.entry("visit_start", true),
                                Map.entry("ip_key", true),
                                Map.entry("session_key", true)),
                        // Omron declares IP address, operating system, browser and referring site only (seed 002)
                        Map.ofEntries(
                                Map.entry("site", "omron-healthcare"),
                                Map.entry("ip_truncated", "203.0.113.0"),
                                Map.entry("browser", "Chrome"),
                                Map.entry("browser_version", "126"),
                                Map.entry("operating_system", "Windows 10 or 11"),
                                Map.entry("referrer_host", "www.example.org"),
                                Map.entry("visit_start", true),
                                Map.entry("ip_key", true),
                                Map.entry("session_key", true)));
        assertThat(DatabaseDump.of(properties.database().url()).text()).doesNotContain("203.0.113.77");
    }

    @Test
    void noFullIpRemainsPastItsSession() {
        Instant start = clock.instant();
        Visitor reader = Visitor.of(port, "198.51.100.23", Visitor.FIREFOX);
        Visitor sameAddressOtherBrowser = Visitor.of(port, "198.51.100.23", Visitor.SAFARI);
        Visitor ipv6 = Visitor.of(port, "2001:db8:abcd:12:1::7", Visitor.FIREFOX);
        reader.get("/s/olympus-ims/");
        ipv6.get("/s/olympus-ims/");
        clock.advance(Duration.ofMinutes(20));
        reader.get("/s/olympus-ims/privacy");
        sameAddressOtherBrowser.get("/s/olympus-ims/cookies");
        log.flush();
        assertThat(rows("198.51.100.0"))
                .extracting(row -> row.get("visit_start"))
                .as("two visits: one browser came back within its session, the other is a visitor of its own")
                .containsExactly(true, false, true);

        clock.set(start.plus(Duration.ofMinutes(49)));
        expire();
        assertThat(rows("198.51.100.0"))
                .as("29 minutes after their last request the sessions go on")
                .allMatch(row ->
                        row.get("ip_key").equals(true) && row.get("session_key").equals(true));
        assertThat(rows("2001:db8:abcd:0:0:0:0:0"))
                .as("49 minutes after its only request the IPv6 visitor's session has ended")
                .allMatch(row -> row.get("ip_key").equals(false)
                        && row.get("session_key").equals(false));

        clock.set(start.plus(Duration.ofMinutes(50)));
        JsonNode swept = Json.read(new Http(port)
                .send("POST", "/api/v1/admin/retention/sweeps", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                .body());

        assertThat(rows("198.51.100.0"))
                .hasSize(3)
                .allMatch(row -> row.get("ip_key").equals(false)
                        && row.get("session_key").equals(false));
        assertThat(swept.get("certificate")
                        .get("otherData")
                        .get("olympus-ims/site-log-files: sessions ended, full IP addresses removed")
                        .asLong())
                .isPositive();
        assertThat(log.recentRequests("198.51.100.23", Duration.ofHours(1)))
                .as("nothing left to tell the address by")
                .isZero();
        String dump = DatabaseDump.of(properties.database().url()).text();
        assertThat(dump).doesNotContain("198.51.100.23").doesNotContain("2001:db8:abcd:12");
    }

    @Test
    void theConsoleStaticAssetsTheActuatorAndRequestsOfNoLoggedSiteAreNotLogged() {
        Visitor visitor = Visitor.of(port, "192.0.2.10", Visitor.FIREFOX);
        for (String path : List.of(
                "/steward.css",
                "/actuator/health",
                "/admin",
                "/login",
                "/api/v1/admin/holds?site=olympus-ims",
                "/s/olympus-ims/logo.png",
                "/",
                "/s/lab/",
                "/s/nowhere/")) {
            visitor.get(path);
        }
        log.flush();
        assertThat(rows("192.0.2.0")).isEmpty();

        visitor.get("/api/v1/consent-decisions?purpose=newsletter&site=olympus-ims");
        visitor.get("/api/v1/sites/omron-healthcare/notice/versions");
        log.flush();
        assertThat(rows("192.0.2.0"))
                .extracting(row -> row.get("site"))
                .containsExactly("olympus-ims", "omron-healthcare");
    }

    /** An integrator's server asking with its key is no visitor (seed 001 §3.1); a request without a key still is. */
    @Test
    void integratorsDecisionCallsWithAKeyAreNotLogged() {
        String created = new Http(port)
                .postJson(
                        "/api/v1/admin/api-keys",
                        "{\"name\":\"shop server\",\"sites\":[\"olympus-ims\"]}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                .body();
        String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        String path = "/api/v1/consent-decisions?purpose=newsletter&site=olympus-ims&subject=a@example.org";
        log.flush();
        int before = rows("192.0.2.0").size();

        assertThat(Visitor.of(port, "192.0.2.77", Visitor.FIREFOX, "Authorization", "Bearer " + token)
                        .get(path)
                        .statusCode())
                .isEqualTo(200);
        Visitor.of(port, "192.0.2.77", Visitor.FIREFOX, "Authorization", "Bearer stw_not_live")
                .get(path);
        log.flush();
        assertThat(rows("192.0.2.0")).hasSize(before);

        Visitor.of(port, "192.0.2.77", Visitor.FIREFOX).get(path);
        log.flush();
        assertThat(rows("192.0.2.0")).hasSize(before + 1);
    }

    @Test
    void countsAnAddressesRecentRequestsForRateLimiting() {
        Visitor busy = Visitor.of(port, "192.0.2.44", Visitor.CHROME);
        busy.get("/s/olympus-ims/");
        busy.get("/s/olympus-ims/privacy");
        assertThat(log.recentRequests("192.0.2.44", Duration.ofMinutes(1)))
                .as("still in memory")
                .isEqualTo(2);
        log.flush();
        busy.get("/s/omron-healthcare/");

        assertThat(log.recentRequests("192.0.2.44", Duration.ofMinutes(1))).isEqualTo(3);
        assertThat(log.recentRequests("192.0.2.45", Duration.ofMinutes(1))).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(log.recentRequests("192.0.2.44", Duration.ofMinutes(1))).isZero();
        assertThat(new Http(port)
                        .get("/actuator/prometheus", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .contains("steward_weblog_requests_total{site=\"olympus-ims\"}");
    }

    private List<Map<String, Object>> rows(String truncatedIp) {
        return jdbc.sql(ROW).param("ip", truncatedIp).param("after", lastRowBefore).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> present = new LinkedHashMap<>();
                    row.forEach((column, value) -> {
                        if (value != null) {
                            present.put(column, value);
                        }
                    });
                    return present;
                })
                .toList();
    }

    private void expire() {
        transaction.executeWithoutResult(status -> expiry.expire(clock.instant(), 5000));
    }
}
