package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Packages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Rights requests through the JSON API: verification, the staff queue with deadlines, and the access package. */
@StewardTest
class RightsRequestsTest extends LabTestBase {

    /**
     * This class's requests come from an IP address of their own: filing requests and typing codes take from the
     * forms' bucket per IP address, which the run's other tests share on this machine's.
     */
    static final String[] OWN_IP = {"X-Forwarded-For", Visitor.randomIp()};

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccessRequestIsVerifiedQueuedWithItsDeadlineAndAnsweredWithAPackageOfEveryKindOfData() throws IOException {
        customers.customer("accessor");
        customers.customer("stranger");

        JsonNode submitted =
                submit("{\"type\":\"access\",\"email\":\"" + Canary.email("accessor") + "\",\"region\":\"EU\"}", 202);
        assertThat(submitted.get("status").asString()).isEqualTo("awaiting-verification");
        String statusToken = submitted.get("statusToken").asString();
        assertThat(http.get(submitted.get("statusUrl").asString()).body()).contains("Waiting for you to confirm it");

        JsonNode verified = verify(verificationToken("accessor"));
        assertThat(verified.get("status").asString()).isEqualTo("received");
        Instant received = Instant.parse(verified.get("receivedAt").asString());
        assertThat(Instant.parse(verified.get("deadline").asString()))
                .as("one month from receipt")
                .isEqualTo(received.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(inbox.newestTextTo(Canary.email("accessor"))).contains("We will answer by");

        String id = submitted.get("request").asString();
        assertThat(staff("/api/v1/admin/requests").body())
                .contains("\"id\":\"" + id + "\"")
                .contains("\"overdue\":false");
        assertThat(staffPost("/api/v1/admin/requests/" + id + "/fulfil", "").statusCode())
                .isEqualTo(200);

        String answer = inbox.newestTextTo(Canary.email("accessor"));
        Map<String, String> files =
                unzip(Packages.download(new Http(port), answer).body());
        assertThat(files)
                .containsOnlyKeys(
                        "steward-access.json", "records.csv", "consents.csv", "recipients.csv", "summary.html");
        JsonNode export = Json.read(files.get("steward-access.json"));
        assertThat(export.get("identifiers").toString()).contains(Canary.email("accessor"));
        assertThat(export.get("records").size()).isEqualTo(2);
        assertThat(export.get("records").toString()).contains(Canary.name("accessor"));
        assertThat(export.get("consents").get(0).get("receipt").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(export.get("consents").get(0).get("ipAddress").asString())
                .as(
                        "the registration's IP address and time, kept to prove it (seed 001 §3.4), truncated as the site says")
                .isEqualTo("203.0.113.0");
        assertThat(files.get("consents.csv")).contains("203.0.113.0").contains("Mozilla/5.0 (lab)");
        assertThat(Json.rows(export.get("recipients"), "recipient"))
                .containsExactlyInAnyOrder("lab-accounting", "lab-printer");
        assertThat(export.get("requests").toString()).contains("\"type\":\"access\"");
        assertThat(files.get("summary.html"))
                .contains(Canary.email("accessor"))
                .contains("Lab Accounting Partner GmbH");
        assertThat(String.join("", files.values()))
                .doesNotContain(Canary.email("stranger"))
                .doesNotContain(Canary.name("stranger"));

        assertThat(unzip(Packages.download(new Http(port), answer).body()))
                .as("the package can be downloaded again within its window")
                .containsOnlyKeys(files.keySet());
        assertThat(http.get("/api/v1/sites/lab/requests/" + statusToken).body()).contains("\"status\":\"completed\"");
    }

    @Test
    void aVerificationLinkOrCodeThatExpiredOrWasUsedIsRefused() {
        submit("{\"type\":\"access\",\"email\":\"" + Canary.email("late") + "\",\"region\":\"EU\"}", 202);
        String token = verificationToken("late");
        clock.advance(Duration.ofHours(25));
        assertRefused(
                http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}"),
                "expired-or-used");

        submit("{\"type\":\"access\",\"email\":\"" + Canary.email("twice") + "\",\"region\":\"EU\"}", 202);
        String once = verificationToken("twice");
        verify(once);
        assertRefused(
                http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + once + "\"}"),
                "expired-or-used");

        JsonNode guessed =
                submit("{\"type\":\"access\",\"email\":\"" + Canary.email("guesser") + "\",\"region\":\"EU\"}", 202);
        String status = guessed.get("statusToken").asString();
        for (int attempt = 1; attempt < RequestVerification.CODE_ATTEMPTS; attempt++) {
            assertRefused(code(status, "000000"), "wrong-code");
        }
        assertRefused(code(status, "000000"), "too-many-attempts");
        String rightCode = inbox.find(Canary.email("guesser"), "code on the request's page: (\\d{6})");
        assertRefused(code(status, rightCode), "expired-or-used");
    }

    @Test
    void theVisitorCanConfirmWithTheCodeInsteadOfTheLink() {
        JsonNode submitted =
                submit("{\"type\":\"access\",\"email\":\"" + Canary.email("coder") + "\",\"region\":\"EU\"}", 202);
        String code = inbox.find(Canary.email("coder"), "code on the request's page: (\\d{6})");

        HttpResponse<String> verified = code(submitted.get("statusToken").asString(), code);

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"status\":\"received\"");
    }

    @Test
    void anExtensionNeedsReasonsWithinTheFirstMonthAndAtMostTwoMoreMonths() {
        String id = receivedRequest("extended", "access");

        assertRefused(
                staffPost(
                        "/api/v1/admin/requests/" + id + "/extend",
                        "{\"extension\":\"P3M\",\"reason\":\"Many files\"}"),
                "too-long");
        assertRefused(
                staffPost(
                        "/api/v1/admin/requests/" + id + "/extend",
                        "{\"extension\":\"P999999999Y\",\"reason\":\"Many files\"}"),
                "too-long");
        assertRefused(
                staffPost("/api/v1/admin/requests/" + id + "/extend", "{\"extension\":\"P2M\",\"reason\":\" \"}"),
                "required");
        HttpResponse<String> extended = staffPost(
                "/api/v1/admin/requests/" + id + "/extend",
                "{\"extension\":\"P2M\",\"reason\":\"The data is spread over three systems.\"}");
        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(inbox.newestTextTo(Canary.email("extended"))).contains("The data is spread over three systems.");
        assertRefused(
                staffPost("/api/v1/admin/requests/" + id + "/extend", "{\"extension\":\"P1M\",\"reason\":\"Again\"}"),
                "already-extended");

        String late = receivedRequest("too-late", "access");
        clock.advance(Duration.ofDays(32));
        assertRefused(
                staffPost("/api/v1/admin/requests/" + late + "/extend", "{\"extension\":\"P1M\",\"reason\":\"Late\"}"),
                "too-late");
        assertThat(staff("/api/v1/admin/requests").body())
                .containsPattern("\"id\":\"" + late + "\"[^}]*\"overdue\":true");
    }

    @Test
    void duplicatesAndRepeatedAccessRequestsAreFlaggedAndAFeeMayBeCharged() {
        String first = receivedRequest("repeater", "access");
        String duplicate = receivedRequest("repeater", "access");
        assertThat(staff("/api/v1/admin/requests/" + duplicate).body()).contains("\"duplicateOf\":\"" + first + "\"");

        staffPost("/api/v1/admin/requests/" + first + "/fulfil", "");
        staffPost("/api/v1/admin/requests/" + duplicate + "/deny", "{\"reason\":\"Answered by the earlier request.\"}");
        String repeated = receivedRequest("repeater", "access");
        assertThat(staff("/api/v1/admin/requests/" + repeated).body()).contains("\"repeated\":true");

        assertThat(staffPost("/api/v1/admin/requests/" + repeated + "/fee", "{\"fee\":\"EUR 10\"}")
                        .body())
                .contains("\"fee\":\"EUR 10\"");
        assertThat(inbox.newestTextTo(Canary.email("repeater"))).contains("administrative fee of EUR 10");
        assertThat(staff("/api/v1/admin/requests/" + repeated).body())
                .as("the history keeps the fee alone; the console words the event in its reader's language")
                .contains("\"message\":\"EUR 10\"")
                .doesNotContain("Administrative fee:");
        assertRefused(staffPost("/api/v1/admin/requests/" + first + "/fee", "{\"fee\":\"EUR 10\"}"), "not-allowed");
    }

    @Test
    void badRequestsGetSpecificErrorsAndCreateNothing() {
        long before = jdbc.sql("SELECT count(*) FROM rights_request")
                .query(Long.class)
                .single();

        assertRefused(
                http.postJson("/api/v1/sites/lab/requests", "{\"type\":\"time-travel\",\"email\":\"a@example.org\"}"),
                "right-not-offered");
        assertRefused(
                http.postJson("/api/v1/sites/lab/requests", "{\"type\":\"access\",\"email\":\"not-an-address\"}"),
                "invalid-format");
        assertRefused(
                http.postJson("/api/v1/sites/lab/requests", "{\"type\":\"erasure\",\"email\":\"a@example.org\"}"),
                "required");
        HttpResponse<String> badGround = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"erasure\",\"email\":\"a@example.org\",\"grounds\":[\"" + Canary.MARKER + "\"]}");
        assertRefused(badGround, "invalid-option");
        HttpResponse<String> badField = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"rectification\",\"email\":\"a@example.org\",\"changes\":{\"" + Canary.MARKER
                        + "\":\"44\"}}");
        assertRefused(badField, "undeclared-field");
        assertThat(badGround.body() + badField.body())
                .as("what was typed is not echoed")
                .doesNotContain(Canary.MARKER);
        assertRefused(
                http.postJson(
                        "/api/v1/sites/lab/requests",
                        "{\"type\":\"portability\",\"email\":\"a@example.org\",\"transferTo\":\"ftp://files.example.org\"}"),
                "invalid-target");
        assertRefused(
                http.postJson(
                        "/api/v1/sites/lab/requests",
                        "{\"type\":\"withdraw-consent\",\"email\":\"a@example.org\",\"purposes\":[\"invoicing\"]}"),
                "invalid-option");
        assertRefused(
                http.postJson(
                        "/api/v1/sites/omron-healthcare/requests",
                        "{\"type\":\"erasure\",\"email\":\"a@example.org\"}"),
                "right-not-offered");

        assertThat(jdbc.sql("SELECT count(*) FROM rights_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aStrangerCannotFloodAnAddressWithVerificationMail() {
        String address = Canary.email("flooded");
        String body = "{\"type\":\"access\",\"email\":\"" + address + "\"}";
        for (int i = 0; i < PrivacyCenter.MAX_UNVERIFIED; i++) {
            assertThat(http.postJson("/api/v1/sites/lab/requests", body, OWN_IP).statusCode())
                    .isEqualTo(202);
        }

        HttpResponse<String> refused = http.postJson("/api/v1/sites/lab/requests", body, OWN_IP);

        assertRefused(refused, "too-many-unverified");
        assertThat(refused.body()).doesNotContain(address);
        assertThat(inbox.countTo(address)).isEqualTo(PrivacyCenter.MAX_UNVERIFIED);
    }

    /**
     * attack16: the limit counts an address by its blind index, and spellings that a mail server delivers to the same
     * mailbox (a trailing dot on the domain, a quoted local part, the domain's address in brackets) were taken as other
     * addresses, so a stranger mailed the flooded mailbox again for each. They are refused as malformed now.
     */
    @Test
    void anotherSpellingOfAFloodedAddressIsNoWayRound() {
        String local = "respelled." + Canary.MARKER;
        String address = local + "@example.org";
        String[] ownIp = {"X-Forwarded-For", Visitor.randomIp()};
        for (int i = 0; i < PrivacyCenter.MAX_UNVERIFIED; i++) {
            assertThat(http.postJson("/api/v1/sites/lab/requests", access(address), ownIp)
                            .statusCode())
                    .isEqualTo(202);
        }

        for (String spelling : List.of(
                address + ".", "\\\"" + local + "\\\"@example.org", local + "@[192.0.2.1]", local + "@example..org")) {
            HttpResponse<String> refused = http.postJson("/api/v1/sites/lab/requests", access(spelling), ownIp);
            assertRefused(refused, "invalid-format");
            assertThat(refused.body()).as(spelling).contains("\"field\":\"email\"");
        }
        assertThat(inbox.countTo(address)).isEqualTo(PrivacyCenter.MAX_UNVERIFIED);
        // an address in another script is an address all the same
        assertThat(http.postJson(
                                "/api/v1/sites/lab/requests",
                                access("jos\u00e9." + Canary.MARKER + "@b\u00fccher.example"),
                                ownIp)
                        .statusCode())
                .isEqualTo(202);
    }

    private static String access(String email) {
        return "{\"type\":\"access\",\"email\":\"" + email + "\"}";
    }

    @Test
    void automatedDecisionsAndComplaintsAreAnsweredStraightFromTheCatalog() {
        HttpResponse<String> automated =
                http.postJson("/api/v1/sites/lab/requests", "{\"type\":\"automated-decisions\",\"email\":\"\"}");
        assertThat(automated.statusCode()).isEqualTo(200);
        assertThat(automated.body()).contains("No decision about you is made by automated means alone.");

        assertThat(http.postJson("/api/v1/sites/olympus-ims/requests", "{\"type\":\"complaint\",\"region\":\"EU\"}")
                        .body())
                .contains("The Hamburg Commissioner for Data Protection and Freedom of Information")
                .contains("\\nhttps://datenschutz-hamburg.de\",\"website\":\"https://datenschutz-hamburg.de\"");
    }

    /**
     * The complaint page links the supervisory authority's website, as the notice does; it showed the address as the
     * last line of the authority's text, to copy by hand. A right with no authority links nothing.
     */
    @Test
    void theComplaintPageLinksTheAuthoritysWebsite() {
        String complaint = http.get("/s/olympus-ims/privacy-center/rights/complaint?region=EU")
                .body();

        assertThat(complaint)
                .contains("<p><a href=\"https://datenschutz-hamburg.de\">https://datenschutz-hamburg.de</a></p>")
                .contains("20459 Hamburg\nGermany</p>")
                .doesNotContain("Germany\nhttps://datenschutz-hamburg.de");
        assertThat(http.get("/s/olympus-ims/privacy-center/rights/automated-decisions?region=EU")
                        .body())
                .doesNotContain("<p><a href=\"http");
    }

    @Test
    void anotherRequestsTokenOrASiteTheStaffMemberIsNotScopedToRevealsNothing() {
        String id = receivedRequest("private", "access");
        assertThat(http.get("/api/v1/sites/lab/requests/not-a-real-token").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/s/lab/privacy-center/packages/not-a-real-token").statusCode())
                .isEqualTo(404);

        String omronOfficer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare");
        assertThat(http.get("/api/v1/admin/requests/" + id, StaffUsers.basic(omronOfficer))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/requests", StaffUsers.basic(omronOfficer))
                        .body())
                .doesNotContain(id);
    }

    /** Submits, verifies and answers the id of a request now in the staff queue. */
    String receivedRequest(String who, String type) {
        JsonNode submitted =
                submit("{\"type\":\"" + type + "\",\"email\":\"" + Canary.email(who) + "\",\"region\":\"EU\"}", 202);
        verify(verificationToken(who));
        return submitted.get("request").asString();
    }

    /** Each step a second after the last, so that "the newest mail" is never a tie. */
    JsonNode submit(String json, int status) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = http.postJson("/api/v1/sites/lab/requests", json, OWN_IP);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.read(response.body());
    }

    String verificationToken(String who) {
        return inbox.find(Canary.email(who), "verify\\?token=([\\w-]+)");
    }

    JsonNode verify(String token) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> verified =
                http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return Json.read(verified.body());
    }

    HttpResponse<String> code(String statusToken, String code) {
        return http.postJson(
                "/api/v1/sites/lab/requests/verification",
                "{\"statusToken\":\"" + statusToken + "\",\"code\":\"" + code + "\"}",
                OWN_IP);
    }

    HttpResponse<String> staff(String path) {
        return http.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
    }

    HttpResponse<String> staffPost(String path, String json) {
        clock.advance(Duration.ofSeconds(1));
        return http.postJson(path, json.isEmpty() ? "{}" : json, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://[fd00::1]/",
                "https://[64:ff9b::7f00:1]/",
                "https://100.64.0.1/",
                "https://[::ffff:127.0.0.1]/",
                "https://127.0.0.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5/import",
                "https://[fe80::1]/",
                "https://[::1]/",
                "https://[2001:db8::1]/",
                "https://198.18.0.1/",
                "https://0.0.0.0/",
                "https://[2002:a00:1::1]/",
                "http://93.184.216.34/"
            })
    void aPortabilityTargetInsideTheNetworkIsRefusedWithAFieldErrorAndNothingIsStored(String target) {
        long before = jdbc.sql("SELECT count(*) FROM rights_request")
                .query(Long.class)
                .single();

        HttpResponse<String> refused = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"portability\",\"email\":\"a@example.org\",\"region\":\"EU\",\"transferTo\":\"" + target
                        + "\"}");

        assertRefused(refused, "invalid-target");
        assertThat(Json.read(refused.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("transferTo");
        assertThat(jdbc.sql("SELECT count(*) FROM rights_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    static void assertRefused(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
