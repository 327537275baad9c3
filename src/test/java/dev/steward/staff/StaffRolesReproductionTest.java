package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, reproduction 3, over HTTP: staff roles that may only read (or only answer inquiries of one site) wrote
 * to the consent ledger through the integrators' API, learnt from it whether an address is known, and a privacy
 * officer of one site read another site's audit entries.
 */
@StewardTest
class StaffRolesReproductionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anAuditorCannotWithdrawAPersonsConsentNorAskWhetherAnAddressIsKnown() {
        Filled ada = submitted(SeedForms.olympusContact());
        String[] auditor = StaffUsers.basic(StaffUsers.add(port, "AUDITOR", null));
        long before = ledgerRows();

        HttpResponse<String> withdrawn = http.postJson(
                "/api/v1/consent-events", withdrawal(SeedForms.OLYMPUS, ada.email(), "respond-to-inquiries"), auditor);
        HttpResponse<String> asked = http.get(
                "/api/v1/consent-decisions?site=olympus-ims&purpose=respond-to-inquiries&subject="
                        + URLEncoder.encode(ada.email(), StandardCharsets.UTF_8),
                auditor);

        assertThat(withdrawn.statusCode()).isEqualTo(403);
        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(asked.body()).doesNotContain("\"decision\"").contains("\"code\":\"not-permitted\"");
        assertThat(ledgerRows()).isEqualTo(before);
    }

    @Test
    void aSupportAgentOfOneSiteCannotWithdrawConsentOnIt() {
        Filled carla = submitted(SeedForms.omronContest());
        String[] agent = StaffUsers.basic(StaffUsers.add(port, "SUPPORT_AGENT", SeedForms.OMRON));
        long before = ledgerRows();

        HttpResponse<String> withdrawn = http.postJson(
                "/api/v1/consent-events", withdrawal(SeedForms.OMRON, carla.email(), "surveys-and-contests"), agent);
        HttpResponse<String> asked = http.get(
                "/api/v1/consent-decisions?site=omron-healthcare&purpose=surveys-and-contests&subject="
                        + URLEncoder.encode(carla.email(), StandardCharsets.UTF_8),
                agent);

        assertThat(withdrawn.statusCode()).isEqualTo(403);
        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(ledgerRows()).isEqualTo(before);
    }

    @Test
    void aPrivacyOfficerOfOmronReadsNoOlympusAuditEntries() {
        Filled ada = submitted(SeedForms.olympusContact());
        String subject = subjectOf(ada);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        assertThat(http.get("/api/v1/admin/subjects/" + subject + "/consents", admin)
                        .statusCode())
                .isEqualTo(200);
        String caseId = await().atMost(Duration.ofSeconds(20))
                .until(() -> caseOf(subject, admin), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(http.get("/api/v1/admin/inquiries/" + caseId, admin).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/audit?subject=" + subject, admin).body())
                .contains("\"action\":\"read-consent-history\"")
                .contains("\"action\":\"read-case\"")
                .contains("\"site\":\"olympus-ims\"");
        String[] officer = StaffUsers.basic(StaffUsers.add(port, "PRIVACY_OFFICER", SeedForms.OMRON));

        JsonNode recent = Json.read(http.get("/api/v1/admin/audit", officer).body());
        JsonNode ofAda = Json.read(
                http.get("/api/v1/admin/audit?subject=" + subject, officer).body());

        assertThat(recent.get("entries").valueStream().map(entry -> entry.get("site")))
                .allSatisfy(site ->
                        assertThat(site.isString() ? site.asString() : null).isEqualTo(SeedForms.OMRON));
        assertThat(ofAda.get("entries").size()).isZero();
        assertThat(http.get("/admin/audit", officer).statusCode())
                .as("the console takes no HTTP Basic")
                .isNotEqualTo(200);
    }

    private Filled submitted(Filled form) {
        HttpResponse<String> answer = http.postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return form;
    }

    /** The case the inquiries module opened for the subject's submission, once it did. */
    private java.util.Optional<String> caseOf(String subject, String[] admin) {
        return Json.read(http.get("/api/v1/admin/inquiries?site=olympus-ims", admin)
                        .body())
                .get("cases")
                .valueStream()
                .filter(inquiry -> inquiry.get("subject").asString().equals(subject))
                .map(inquiry -> inquiry.get("id").asString())
                .findFirst();
    }

    private String subjectOf(Filled form) {
        return Json.read(http.get(
                                "/api/v1/consent-decisions?site=" + form.site()
                                        + "&purpose=respond-to-inquiries&subject="
                                        + URLEncoder.encode(form.email(), StandardCharsets.UTF_8),
                                integratorKey())
                        .body())
                .get("subject")
                .asString();
    }

    private String[] integratorKey() {
        HttpResponse<String> created = http.postJson(
                "/api/v1/admin/api-keys",
                "{\"name\":\"lookup\",\"kind\":\"integrator\"}",
                Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        return new String[] {
            "Authorization", "Bearer " + Json.read(created.body()).get("token").asString()
        };
    }

    private static String withdrawal(String site, String email, String purpose) {
        return """
                {"site":"%s","email":"%s","purpose":"%s","action":"withdrawn","method":"api"}""".formatted(site, email, purpose);
    }

    private long ledgerRows() {
        // the lapse job of the shared context may append 'lapsed' events of other tests' people meanwhile
        return jdbc.sql("SELECT count(*) FROM consent_event WHERE action <> 'lapsed'")
                .query(Long.class)
                .single();
    }
}
