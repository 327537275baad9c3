package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The choice endpoint as a stranger meets it: every malformed or inconsistent choice is refused field by field and
 * changes nothing; a valid one is appended to the consent ledger per category with the banner's version and wording
 * hash, under a pseudonym only the browser's token reaches, or under the signed-in visitor's own subject.
 */
@StewardTest
class CookieChoicesApiTest {

    static final String OLYMPUS = "/api/v1/sites/olympus-ims/cookie-choices";
    static final String OMRON = "/api/v1/sites/omron-healthcare/cookie-choices";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The banner a European visitor is shown, read from the script as the browser gets it. */
    Banner banner(String site, String... headers) {
        String script =
                new Http(port).get("/s/" + site + "/consent.js", headers).body();
        Matcher hash = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"").matcher(script);
        Matcher version = Pattern.compile("\"version\":\"([^\"]+)\"").matcher(script);
        assertThat(hash.find() && version.find())
                .as("the script carries its configuration")
                .isTrue();
        return new Banner(version.group(1), hash.group(1));
    }

    record Banner(String version, String hash) {

        String choice(String jurisdiction, String choice, String categories, String... more) {
            return "{\"version\":\"" + version + "\",\"hash\":\"" + hash + "\",\"jurisdiction\":\"" + jurisdiction
                    + "\",\"language\":\"en\",\"choice\":\"" + choice + "\",\"categories\":" + categories
                    + String.join("", more) + "}";
        }
    }

    @Test
    void aChoiceIsAppendedToTheLedgerPerCategoryWithReceipts() {
        Banner eu = banner("olympus-ims", "CF-IPCountry", "DE");
        Visitor visitor = new Visitor(port);

        HttpResponse<String> answer = choose(
                visitor,
                OLYMPUS,
                eu.choice("EU", "custom", "{\"analytics\":true,\"advertising\":false}"),
                "User-Agent",
                "Banner-Test/1.0");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = Json.read(answer.body());
        assertThat(body.get("token").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Json.rows(body.get("events"), "category", "purpose", "action"))
                .containsExactly(
                        "analytics | traffic-analysis | given", "advertising | behavioral-advertising | withdrawn");
        List<Map<String, Object>> events = jdbc.sql("""
                        SELECT purpose, action, method, notice_version, wording_sha256, jurisdiction, evidence_ref,
                               subject_id::text AS subject
                        FROM consent_event WHERE evidence_ref = :ref ORDER BY seq
                        """)
                .param("ref", "cookie-choice:" + body.get("choice").asString())
                .query()
                .listOfRows();
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.get("method")).isEqualTo("banner");
            assertThat(event.get("notice_version")).isEqualTo("2018-04-03");
            assertThat(event.get("wording_sha256")).isEqualTo(eu.hash());
            assertThat(event.get("jurisdiction")).isEqualTo("EU");
        });
        for (JsonNode event : body.get("events")) {
            String receipt = event.get("receipt").asString();
            String id = receipt.substring(receipt.lastIndexOf('/') + 1);
            assertThat(visitor.get("/api/v1/receipts/" + id).statusCode()).isEqualTo(200);
        }
        String page = visitor.get(URI.create(body.get("receipt").asString()).getPath())
                .body();
        assertThat(page).contains("Traffic analysis").contains("Allowed").contains("Refused");
        String german = Pages.text(
                visitor.get(URI.create(body.get("receipt").asString()).getPath(), "Accept-Language", "de")
                        .body());
        assertThat(german)
                .as("the page speaks the visitor's language, its date too")
                .contains("Ihre Cookie-Wahl")
                .contains("Nutzungsanalyse")
                .contains("Erlaubt")
                .contains("Abgelehnt")
                .contains("Beleg für Werbung")
                .doesNotContain("Your cookie choice")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(jdbc.sql("SELECT count(*) FROM cookie_choice WHERE id = :id")
                        .param("id", UUID.fromString(body.get("choice").asString()))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void theBrowsersTokenKeepsItsPseudonymAndNothingElseReachesIt() {
        Banner eu = banner("olympus-ims", "CF-IPCountry", "DE");
        Visitor visitor = new Visitor(port);
        JsonNode first = Json.read(
                choose(visitor, OLYMPUS, eu.choice("EU", "accept-all", "{\"analytics\":true,\"advertising\":true}"))
                        .body());
        String token = first.get("token").asString();

        JsonNode second = Json.read(choose(
                        visitor,
                        OLYMPUS,
                        eu.choice(
                                "EU",
                                "reject-all",
                                "{\"analytics\":false,\"advertising\":false}",
                                ",\"token\":\"" + token + "\""))
                .body());
        String forged = "A".repeat(43);
        JsonNode third = Json.read(choose(
                        visitor,
                        OLYMPUS,
                        eu.choice(
                                "EU",
                                "reject-all",
                                "{\"analytics\":false,\"advertising\":false}",
                                ",\"token\":\"" + forged + "\""))
                .body());

        assertThat(second.get("token").asString()).isEqualTo(token);
        assertThat(subjectOf(second)).isEqualTo(subjectOf(first));
        assertThat(third.get("token").asString()).isNotEqualTo(forged).isNotEqualTo(token);
        assertThat(subjectOf(third)).isNotEqualTo(subjectOf(first));
        assertThat(jdbc.sql("SELECT count(*) FROM subject_identifier WHERE subject_id = CAST(:s AS uuid)")
                        .param("s", subjectOf(first))
                        .query(Long.class)
                        .single())
                .as("a pseudonym carries no identifier")
                .isZero();
    }

    @Test
    void aSignedInVisitorsChoiceJoinsTheirOwnSubject() {
        Filled account = SeedForms.olympusSoftwareDownload();
        assertThat(new Visitor(port).postJson(account.apiPath(), account.json()).statusCode())
                .isEqualTo(201);
        Registrations.verify(port, account.site(), account.email());
        Visitor visitor = new Visitor(port);
        String login = "/s/olympus-ims/account/login";
        assertThat(visitor.submit(login, login, Map.of("login", account.email(), "password", SeedForms.PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        Banner eu = banner("olympus-ims", "CF-IPCountry", "DE");

        JsonNode answer = Json.read(
                choose(visitor, OLYMPUS, eu.choice("EU", "custom", "{\"analytics\":true,\"advertising\":false}"))
                        .body());

        String receipt = answer.get("events").get(0).get("receipt").asString();
        String myPrivacy = visitor.get("/s/olympus-ims/account").body();
        assertThat(myPrivacy).contains(URI.create(receipt).getPath());
        assertThat(jdbc.sql("SELECT signed_in FROM cookie_choice WHERE id = :id")
                        .param("id", UUID.fromString(answer.get("choice").asString()))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void badChoicesAreRefusedFieldByFieldAndChangeNothing() {
        Banner eu = banner("olympus-ims", "CF-IPCountry", "DE");
        Banner omron = banner("omron-healthcare");
        long before = count();
        String both = "{\"analytics\":true,\"advertising\":true}";

        assertRefused(OLYMPUS, "not json", 422, "body:malformed-json");
        assertRefused(OLYMPUS, "[1,2]", 422, "body:malformed-json");
        assertRefused(OLYMPUS, "{\"x\":" + "1".repeat(5000) + "}", 422, "body:too-large");
        assertRefused(
                OLYMPUS,
                "{\"version\":7,\"choice\":\"everything\",\"mood\":\"happy\"}",
                422,
                "mood:unknown-field",
                "jurisdiction:required",
                "language:required",
                "version:invalid",
                "hash:required",
                "choice:invalid-option");
        assertRefused(OLYMPUS, eu.choice("XX", "accept-all", both), 422, "jurisdiction:invalid-option");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "accept-all", both).replace("\"language\":\"en\"", "\"language\":\"fr\""),
                422,
                "language:invalid-option");
        assertRefused(
                OLYMPUS, eu.choice("EU", "custom", "{\"analytics\":true}"), 422, "categories.advertising:required");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "custom", "{\"analytics\":true,\"advertising\":\"yes\",\"marketing\":true}"),
                422,
                "categories.marketing:unknown-category",
                "categories.advertising:required");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "accept-all", "{\"analytics\":true,\"advertising\":false}"),
                422,
                "categories.advertising:inconsistent");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "reject-all", "{\"analytics\":true,\"advertising\":false}"),
                422,
                "categories.analytics:inconsistent");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "do-not-sell", "{\"analytics\":true,\"advertising\":false}"),
                422,
                "choice:not-offered");
        assertRefused(
                OLYMPUS, eu.choice("EU", "custom", both, ",\"gpc\":true"), 422, "categories.advertising:gpc-conflict");
        assertRefused(OLYMPUS, eu.choice("EU", "custom", both, ",\"token\":\"../../etc\""), 422, "token:invalid");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "accept-all", both).replace(eu.version(), "2017-06-06"),
                409,
                "version:stale-banner");
        assertRefused(
                OLYMPUS,
                eu.choice("EU", "accept-all", both).replace(eu.hash(), "0".repeat(64)),
                409,
                "version:stale-banner");
        assertRefused(
                OMRON,
                omron.choice("US", "do-not-sell", "{\"preferences\":true,\"analytics\":true,\"advertising\":true}"),
                422,
                "categories.advertising:inconsistent");
        assertThat(new Visitor(port)
                        .postJson("/api/v1/sites/nowhere/cookie-choices", "{}")
                        .statusCode())
                .isEqualTo(404);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void globalPrivacyControlFromTheHeaderKeepsWhatSellsOrSharesOff() {
        Banner omron = banner("omron-healthcare", "Sec-GPC", "1");
        Visitor visitor = new Visitor(port);
        String all = "{\"preferences\":true,\"analytics\":true,\"advertising\":true}";

        HttpResponse<String> refused = choose(visitor, OMRON, omron.choice("US", "accept-all", all), "Sec-GPC", "1");
        HttpResponse<String> accepted = choose(
                visitor,
                OMRON,
                omron.choice("US", "accept-all", "{\"preferences\":true,\"analytics\":true,\"advertising\":false}"),
                "Sec-GPC",
                "1");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("gpc-conflict");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT gpc FROM cookie_choice WHERE id = :id")
                        .param(
                                "id",
                                UUID.fromString(
                                        Json.read(accepted.body()).get("choice").asString()))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void oneAddressMayRecordOnlySoManyChoices() {
        Visitor visitor = new Visitor(port);
        for (int i = 0; i < 60; i++) {
            assertThat(choose(visitor, OLYMPUS, "{}").statusCode()).isEqualTo(422);
        }
        HttpResponse<String> limited = choose(visitor, OLYMPUS, "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("rate-limited");
        assertThat(choose(new Visitor(port), OLYMPUS, "{}").statusCode())
                .as("another address is not limited")
                .isEqualTo(422);
    }

    /**
     * An IPv6 subscriber is given a network of 2^64 addresses and picks any of them: counted address by address, one
     * visitor could record choices without end. The addresses of one /64 share one limit.
     */
    @Test
    void theAddressesOfOneIpv6NetworkShareOneLimit() {
        String network = Visitor.randomIp().replaceFirst("::[0-9a-f]+$", "");
        for (int i = 1; i <= 60; i++) {
            Visitor visitor = new Visitor(port, network + "::" + Integer.toHexString(i));
            assertThat(choose(visitor, OLYMPUS, "{}").statusCode()).isEqualTo(422);
        }

        assertThat(choose(new Visitor(port, network + ":1:2:3:4"), OLYMPUS, "{}")
                        .statusCode())
                .as("another address of the same /64")
                .isEqualTo(429);
        assertThat(choose(new Visitor(port), OLYMPUS, "{}").statusCode())
                .as("another network")
                .isEqualTo(422);
    }

    @Test
    void onlyTheSitesOwnOriginMayPostChoicesFromAnotherOrigin() throws Exception {
        assertThat(preflight("https://www.olympus-ims.com").headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://www.olympus-ims.com");
        assertThat(preflight("https://www.omronhealthcare.com").statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = preflight("https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body())
                .as("refused in the API's error shape, not Spring's plain text")
                .startsWith("{\"errors\":[{\"field\":null,\"code\":\"origin-not-allowed\"");

        long before = count();
        Banner eu = banner("olympus-ims", "CF-IPCountry", "DE");
        HttpResponse<String> scripted = new Visitor(port)
                .postJson(OLYMPUS, eu.choice("EU", "accept-all", "{\"analytics\":true,\"advertising\":true}"));
        assertThat(scripted.statusCode())
                .as("no Origin: not a browser on the site's page")
                .isEqualTo(403);
        assertThat(scripted.body()).contains("\"code\":\"origin-required\"");
        assertThat(count()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void staffCountTheChoicesPerBannerVersion() {
        Banner omron = banner("omron-healthcare");
        choose(
                new Visitor(port),
                OMRON,
                omron.choice("US", "reject-all", "{\"preferences\":false,\"analytics\":false,\"advertising\":false}"));

        Http staff = new Http(port);
        JsonNode counts = Json.read(staff.get(
                        "/api/v1/admin/cookie-choices?site=omron-healthcare",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                .body());
        assertThat(Json.rows(counts, "noticeVersion", "jurisdiction", "choice"))
                .contains("2010-05-05 | US | reject-all");
        assertThat(staff.get("/api/v1/admin/cookie-choices?site=omron-healthcare")
                        .statusCode())
                .isEqualTo(401);
        assertThat(staff.get("/admin/cookies").statusCode()).isEqualTo(302);
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", null);
        assertThat(staff.get("/api/v1/admin/cookie-choices?site=omron-healthcare", StaffUsers.basic(agent))
                        .statusCode())
                .as("support agents answer inquiries, not cookie statistics")
                .isEqualTo(403);
        String scoped = StaffUsers.add(port, "PRIVACY_OFFICER", "olympus-ims");
        assertThat(staff.get("/api/v1/admin/cookie-choices?site=omron-healthcare", StaffUsers.basic(scoped))
                        .statusCode())
                .isEqualTo(404);
    }

    /** Posts a choice as the banner on the site's own pages does: the browser names the page's origin. */
    static HttpResponse<String> choose(Visitor visitor, String path, String body, String... headers) {
        String site = path.replaceFirst("/api/v1/sites/([^/]+)/.*", "$1");
        String origin =
                site.equals("omron-healthcare") ? "https://www.omronhealthcare.com" : "https://www.olympus-ims.com";
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Origin";
        all[headers.length + 1] = origin;
        return visitor.postJson(path, body, all);
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + OLYMPUS))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", origin)
                                .header("Access-Control-Request-Method", "POST")
                                .header("Access-Control-Request-Headers", "content-type")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(String path, String body, int status, String... errors) {
        HttpResponse<String> answer = choose(new Visitor(port), path, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(Json.rows(Json.read(answer.body()).get("errors"), "field", "code").stream()
                        .map(row -> row.replace(" | ", ":"))
                        .toList())
                .containsExactlyInAnyOrder(errors);
        assertThat(answer.body()).doesNotContain("1111").doesNotContain("happy").doesNotContain("etc");
    }

    private long count() {
        return jdbc.sql("SELECT (SELECT count(*) FROM cookie_choice) + (SELECT count(*) FROM consent_event)")
                .query(Long.class)
                .single();
    }

    private String subjectOf(JsonNode choice) {
        return jdbc.sql("SELECT DISTINCT subject_id::text FROM consent_event WHERE evidence_ref = :ref")
                .param("ref", "cookie-choice:" + choice.get("choice").asString())
                .query(String.class)
                .single();
    }
}
