package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LedgerVerifications;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What staff see and do: the plan, sweeps with their certificates, ended purposes, in the console and the API. */
@StewardTest
class RetentionConsoleTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    StoredRecords records;
    Http http;

    @BeforeEach
    void setUp() {
        records = new StoredRecords(vault, identities);
        http = new Http(port);
    }

    @Test
    void theConsoleAndTheApiShowWhatWillBeDeletedAndWhen() {
        SubjectId subject = records.person("planned");
        records.trial(subject, "planned");
        records.lab(subject, "planned", "campaign", "campaign-end", "gdpr-6-1-f");

        JsonNode plan =
                Json.read(http.get("/api/v1/admin/retention/plan", ADMIN).body());
        JsonNode trial = row(plan, "lab", "trial");
        assertThat(trial.get("rule").asString()).isEqualTo("P7D");
        assertThat(trial.get("nextWeek").asLong())
                .as("due in exactly seven days")
                .isPositive();
        assertThat(trial.get("activityName").asString()).isEqualTo("Free trial");
        assertThat(row(plan, "lab", "campaign").get("undated").asLong()).isPositive();
        assertThat(row(plan, "lab", "invoicing").get("statutoryMinimum").asString())
                .isEqualTo("P10Y");
        assertThat(row(plan, "olympus-ims", "contact-form").get("rule").asString())
                .isEqualTo("case-closed + P30D");

        String page = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .get("/admin/retention")
                .body();
        assertThat(page)
                .contains("<h1>Retention</h1>")
                .contains("Records per activity by when they fall due")
                .contains("<th scope=\"col\">In 1–7 days</th>")
                .contains("Free trial</span> <code>trial</code>")
                .contains("<summary>Sweep now…</summary>")
                .contains("<button type=\"submit\" class=\"danger\">Yes, erase what is due</button>")
                .contains("<a href=\"/admin/retention\">Retention</a>");
    }

    @Test
    void aSweepStartedInTheConsoleRunsInTheBackgroundAndIssuesACertificate() {
        SubjectId subject = records.person("console-swept");
        RecordId record = records.trial(subject, "console-swept");
        clock.set(records.summary(record).dueAt());
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> started = console.submit("/admin/retention", "/admin/retention/sweep", Map.of());

        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/retention?started"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !records.exists(record));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> console.get("/admin/retention").body().contains("/admin/retention/certificates/"));
        JsonNode certificate = Json.read(http.get("/api/v1/admin/retention/certificates?limit=1", ADMIN)
                        .body())
                .get(0);
        assertThat(certificate.get("initiator").asString()).isEqualTo("console");
        assertThat(certificate.get("byActivity").get("lab/trial").asLong()).isPositive();
        String detail = console.get(
                        "/admin/retention/certificates/" + certificate.get("id").asString())
                .body();
        assertThat(detail)
                .contains("<h1>Deletion certificate</h1>")
                .contains("Records erased per activity")
                .contains("<code>lab/trial</code>")
                .contains(certificate.get("hash").asString());

        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        Console auditing = Console.signIn(port, auditor, StaffUsers.PASSWORD);
        assertThat(auditing.get("/admin/retention").body()).doesNotContain("Sweep now");
        assertThat(http.send("POST", "/api/v1/admin/retention/sweeps", StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aSweepThroughTheApiAnswersWithACertificateThatIsEvidenceAndHoldsNothingPersonal() {
        SubjectId subject = records.person("api-swept");
        RecordId record = records.trial(subject, "api-swept");
        clock.set(records.summary(record).dueAt());

        HttpResponse<String> swept = http.send("POST", "/api/v1/admin/retention/sweeps", ADMIN);

        assertThat(swept.statusCode()).isEqualTo(200);
        JsonNode answer = Json.read(swept.body());
        assertThat(answer.get("progress").get("finished").asBoolean()).isTrue();
        String id = answer.get("certificate").get("id").asString();
        String certificate =
                http.get("/api/v1/admin/retention/certificates/" + id, ADMIN).body();
        assertThat(Json.read(certificate).get("byCategory").get("lab/contact").asLong())
                .isPositive();
        assertThat(certificate)
                .doesNotContainIgnoringCase(Canary.MARKER)
                .doesNotContain(subject.toString())
                .doesNotContain(record.toString());
        JsonNode verified = LedgerVerifications.run(http, ADMIN);
        assertThat(LedgerVerifications.chain(verified, "deletion-certificates")
                        .get("intact")
                        .asBoolean())
                .isTrue();
        assertThat(verified.findValues("brokenAt").stream().allMatch(JsonNode::isNull))
                .isTrue();
        assertThat(http.get("/actuator/prometheus", ADMIN).body())
                .contains("steward_retention_records_erased_total{activity=\"trial\",site=\"lab\"}")
                .contains("steward_retention_sweep_running 0.0");
        assertThat(http.get("/api/v1/admin/retention/certificates/" + UUID.randomUUID(), ADMIN)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/retention/certificates?limit=0", ADMIN)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void staffDeclareAPurposeEndedOnlyWithConfirmationAndOnlyForActivitiesKeptUntilThen() {
        SubjectId subject = records.person("purpose-ended");
        RecordId entry = records.lab(subject, "purpose-ended", "campaign", "campaign-end", "gdpr-6-1-f");
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> unconfirmed = console.submit(
                "/admin/retention", "/admin/retention/purpose-ended", Map.of("site", "lab", "activity", "campaign"));
        assertThat(unconfirmed.statusCode())
                .as("a refused form, as every console form answers it")
                .isEqualTo(422);
        assertThat(unconfirmed.body())
                .contains("Tick the box to confirm that the purpose of &#39;Spring campaign entries&#39; has ended.")
                .contains("aria-describedby=\"confirm-error-lab/campaign\"");
        assertThat(records.summary(entry).dueAt()).isNull();

        HttpResponse<String> confirmed = console.submit(
                "/admin/retention",
                "/admin/retention/purpose-ended",
                Map.of("site", "lab", "activity", "campaign", "confirm", "yes"));
        assertThat(confirmed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/retention?closed="));
        assertThat(records.summary(entry).dueAt()).isNotNull();

        assertThat(errors(http.postJson("/api/v1/admin/retention/purpose-ended", "{}", ADMIN)))
                .containsExactly("site | required", "activity | required");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/retention/purpose-ended", "{\"site\":\"lab\",\"activity\":\"trial\"}", ADMIN)))
                .containsExactly("activity | not-until-purpose-ends");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/retention/purpose-ended", "{\"site\":\"lab\",\"activity\":\"nope\"}", ADMIN)))
                .containsExactly("activity | unknown");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/retention/purpose-ended",
                        "{\"site\":\"nowhere\",\"activity\":\"campaign\"}",
                        ADMIN)))
                .containsExactly("site | unknown");
        String scoped = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "olympus-ims");
        assertThat(http.postJson(
                                "/api/v1/admin/retention/purpose-ended",
                                "{\"site\":\"lab\",\"activity\":\"campaign\"}",
                                StaffUsers.basic(scoped))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> ended = http.postJson(
                "/api/v1/admin/retention/purpose-ended", "{\"site\":\"lab\",\"activity\":\"campaign\"}", ADMIN);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(Json.read(ended.body()).get("recordsClosed").asInt()).isZero();
    }

    /**
     * The page names each activity's site, and the activity whose purpose staff ended, as the catalog does; it showed
     * their keys ("lab", "The purpose of lab/campaign has ended").
     */
    @Test
    void thePageNamesSitesAndTheActivityWhosePurposeEnded() {
        records.lab(records.person("named"), "named", "campaign", "campaign-end", "gdpr-6-1-f");
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> confirmed = console.submit(
                "/admin/retention",
                "/admin/retention/purpose-ended",
                Map.of("site", "lab", "activity", "campaign", "confirm", "yes"));
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        String page =
                console.get(location.substring(location.indexOf("/admin/"))).body();

        assertThat(Pages.text(page))
                .containsPattern("The purpose of Spring campaign entries has ended: \\d+ records are now due\\.")
                .contains("Steward Lab Spring campaign entries campaign")
                .doesNotContain("lab/campaign")
                .doesNotContain("(lab)");
        assertThat(page).doesNotContain("<td>lab</td>");
        assertThat(Pages.text(console.get("/admin/retention?closed=1&activity=lab/nothing")
                        .body()))
                .as("no message for an activity the site does not have")
                .doesNotContain("records are now due");
    }

    /**
     * Records of an activity the catalog no longer declares keep their row, said so in the reader's language: the
     * words were English in code, whatever the console's language. The API leaves the name out rather than word it.
     */
    @Test
    void anActivityNoLongerInTheCatalogIsSaidSoInTheConsolesLanguage() {
        RecordId kept = records.trial(records.person("orphaned"), "orphaned");
        // an activity a later catalog dropped: the vault refuses to store under it, so the record is moved there
        jdbc.sql("UPDATE personal_record SET activity = 'retired-activity' WHERE id = :id")
                .param("id", kept.value())
                .update();
        try {
            Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

            Map<String, String> words = Map.of(
                    "en", "(no longer in the catalog)",
                    "de", "(nicht mehr im Katalog)",
                    "ja", "(カタログにはもうありません)");
            words.forEach((language, said) -> {
                String page = console.http()
                        .get("/admin/retention", "Accept-Language", language)
                        .body();
                assertThat(page).as(language).contains(said + "</span> <code>retired-activity</code>");
                words.values().stream()
                        .filter(other -> !other.equals(said))
                        .forEach(other -> assertThat(page).as(language).doesNotContain(other));
            });
            JsonNode orphan = row(
                    Json.read(http.get("/api/v1/admin/retention/plan", ADMIN).body()), "lab", "retired-activity");
            JsonNode name = orphan.get("activityName");
            assertThat(name == null || name.isNull())
                    .as("no English words in the API")
                    .isTrue();
            assertThat(orphan.get("later").asLong() + orphan.get("nextWeek").asLong())
                    .isPositive();
        } finally {
            // back under the activity the catalog declares: the record is the shared database's, as other tests see it
            jdbc.sql("UPDATE personal_record SET activity = 'trial' WHERE id = :id")
                    .param("id", kept.value())
                    .update();
        }
    }

    private static JsonNode row(JsonNode plan, String site, String activity) {
        return plan.get("rows")
                .valueStream()
                .filter(row -> row.get("site").asString().equals(site)
                        && row.get("activity").asString().equals(activity))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.rows(Json.read(response.body()).get("errors"), "field", "code");
    }
}
