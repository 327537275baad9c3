package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Staff who may record consent on a person's behalf do it in the console, with a reason: the ledger says who
 * collected it how, and the audit trail says who and why. Integrators cannot pass their consents off as staff's.
 */
@StewardTest
class ConsentOnBehalfTest {

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    Http http;
    Filled ada;
    SubjectId subject;
    String page;

    @BeforeEach
    void ada() {
        http = new Http(port);
        ada = SeedForms.olympusContact();
        HttpResponse<String> submitted = http.postJson(ada.apiPath(), ada.json());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        subject = identities.carrying(Identifier.email(ada.email())).get(0);
        page = "/admin/subjects/" + subject + "/consents";
    }

    @Test
    void aPrivacyOfficerRecordsAWithdrawalTheyWereToldOfWithTheReasonInTheAuditTrail() {
        String officer = StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OLYMPUS);
        Console console = Console.signIn(port, officer, StaffUsers.PASSWORD);
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "respond-to-inquiries", null)
                        .allowed())
                .isTrue();

        String before = console.get(page).body();
        HttpResponse<String> recorded = onBehalf(console, page, "respond-to-inquiries", "withdrawn", "Letter 2026-17");

        assertThat(before)
                .contains("Record a consent on the person&#39;s behalf")
                .contains("To respond to your inquiries or your requests")
                .doesNotContain("respond-to-inquiries</td>");
        assertThat(recorded.statusCode()).isEqualTo(302);
        String after = console.get(page).body();
        assertThat(after)
                .contains("Recorded in the consent ledger.")
                .contains("Withdrawn")
                .contains("staff, on the person&#39;s behalf");
        Map<String, Object> event =
                jdbc.sql("""
                        SELECT method, action, evidence_ref FROM consent_event
                        WHERE subject_id = :subject ORDER BY seq DESC LIMIT 1""").param("subject", subject.value()).query().singleRow();
        assertThat(event).containsEntry("method", "staff-on-behalf").containsEntry("action", "withdrawn");
        JsonNode entry = Json.read(http.get(
                                "/api/v1/admin/audit?subject=" + subject,
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("entries")
                .valueStream()
                .filter(e -> e.get("action").asString().equals("record-consent-on-behalf"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asString()).isEqualTo(officer);
        assertThat(entry.get("reason").asString()).isEqualTo("Letter 2026-17");
        assertThat(entry.get("site").asString()).isEqualTo(SeedForms.OLYMPUS);
        assertThat(event.get("evidence_ref"))
                .isEqualTo("audit:" + entry.get("id").asString());
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "respond-to-inquiries", null)
                        .allowed())
                .isFalse();
    }

    /**
     * attack22: a member of one site recorded a consent on their site for a person of another site, whose id they had,
     * and so made the person theirs: the person's page, "nobody on your sites" before, then named every identifier.
     * Such a member speaks only for people their sites know.
     */
    @Test
    void aMemberOfOneSiteRecordsNothingForAPersonOfAnotherSite() {
        Console omron =
                Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OMRON), StaffUsers.PASSWORD);
        long before = events();
        assertThat(omron.get("/admin/people/" + subject).statusCode()).isEqualTo(404);

        HttpResponse<String> recorded = omron.submit(
                page,
                page,
                Map.of(
                        "site",
                        SeedForms.OMRON,
                        "purpose",
                        "surveys-and-contests",
                        "action",
                        "withdrawn",
                        "reason",
                        "Call 31"));

        assertThat(recorded.statusCode()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
        HttpResponse<String> person = omron.get("/admin/people/" + subject);
        assertThat(person.statusCode()).isEqualTo(404);
        assertThat(person.body()).doesNotContain(ada.email());
    }

    @Test
    void withoutAReasonOrWordingOrForAnUndeclaredPurposeNothingIsRecorded() {
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        long before = events();

        HttpResponse<String> noReason = onBehalf(console, page, "respond-to-inquiries", "withdrawn", " ");
        HttpResponse<String> givenWithoutWording = onBehalf(console, page, "newsletter", "given", "Call 12");
        HttpResponse<String> confirmed = onBehalf(console, page, "newsletter", "confirmed", "Call 12");
        HttpResponse<String> undeclared = onBehalf(console, page, "special-offers", "withdrawn", "Call 12");
        HttpResponse<String> unknownSubject = onBehalf(
                console, "/admin/subjects/" + SubjectId.random() + "/consents", "newsletter", "withdrawn", "Call 12");

        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give the reason");
        assertThat(givenWithoutWording.statusCode()).isEqualTo(422);
        assertThat(givenWithoutWording.body()).contains("needs the exact wording");
        assertThat(confirmed.statusCode()).isEqualTo(422);
        assertThat(confirmed.body()).contains("given, withdrawn or objected to");
        assertThat(undeclared.statusCode()).isEqualTo(422);
        assertThat(undeclared.body()).contains("declares no purpose");
        assertThat(unknownSubject.statusCode()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAuditorReadsTheHistoryWithoutTheFormAndAnIntegratorCannotClaimToBeStaff() {
        Console auditor = Console.signIn(port, StaffUsers.add(port, "AUDITOR", null), StaffUsers.PASSWORD);

        String seen = auditor.get(page).body();

        assertThat(seen).contains("Consents of a subject").doesNotContain("Record a consent");
        String key = Json.read(http.postJson(
                                "/api/v1/admin/api-keys",
                                "{\"name\":\"claims\",\"sites\":[\"olympus-ims\"]}",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("token")
                .asString();
        for (String method : List.of("staff-on-behalf", "system", "import", "privacy-center")) {
            HttpResponse<String> claimed = http.postJson(
                    "/api/v1/consent-events", """
                    {"site":"olympus-ims","subject":"%s","purpose":"respond-to-inquiries","action":"withdrawn","method":"%s"}""".formatted(subject, method), "Authorization", "Bearer " + key);
            assertThat(claimed.statusCode()).as(method).isEqualTo(422);
            assertThat(claimed.body()).contains("{\"field\":\"method\",\"code\":\"not-for-integrators\"");
        }
    }

    /**
     * A consent an integrator relays names the key it came with, by id (staff may give two keys one name), in the
     * chained event itself; the console reads it as the key's name. Renaming is impossible and revoking keeps it.
     */
    @Test
    void aRelayedConsentNamesTheKeyThatRelayedItInTheChainedEvent() {
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String keyJson = "{\"name\":\"shop-backend\",\"sites\":[\"olympus-ims\"]}";
        JsonNode other = Json.read(
                http.postJson("/api/v1/admin/api-keys", keyJson, admin).body());
        JsonNode relay = Json.read(
                http.postJson("/api/v1/admin/api-keys", keyJson, admin).body());
        String relayId = relay.get("key").get("id").asString();

        HttpResponse<String> relayed = http.postJson(
                "/api/v1/consent-events",
                """
                {"site":"olympus-ims","subject":"%s","purpose":"respond-to-inquiries","action":"withdrawn","method":"banner"}""".formatted(subject),
                "Authorization",
                "Bearer " + relay.get("token").asString());

        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(201);
        String event = Json.read(relayed.body()).get("event").asString();
        assertThat(jdbc.sql("SELECT evidence_ref FROM consent_event WHERE id = :id::uuid")
                        .param("id", event)
                        .query(String.class)
                        .single())
                .isEqualTo("api-key:" + relayId)
                .isNotEqualTo("api-key:" + other.get("key").get("id").asString());
        JsonNode history = Json.read(http.get("/api/v1/admin/subjects/" + subject + "/consents", admin)
                .body());
        assertThat(history.toString()).contains("\"evidenceRef\":\"api-key:" + relayId + "\"");
        assertThat(http.send("DELETE", "/api/v1/admin/api-keys/" + relayId, admin)
                        .statusCode())
                .isEqualTo(204);
        Console officer = Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", null), StaffUsers.PASSWORD);
        assertThat(officer.get(page).body()).contains("the cookie banner, relayed with the API key “shop-backend”");
    }

    /** The console's form on an Olympus purpose, posted with the token of the subject's page. */
    private HttpResponse<String> onBehalf(Console console, String action, String purpose, String said, String reason) {
        return console.submit(
                page, action, Map.of("site", SeedForms.OLYMPUS, "purpose", purpose, "action", said, "reason", reason));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM consent_event").query(Long.class).single();
    }
}
