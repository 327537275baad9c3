package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.audit.AuditRecord;
import dev.steward.audit.AuditTrail;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Legal holds keep records past their due time, say why, and let them go when they end. */
@StewardTest
class LegalHoldsTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    Sweeper sweeper;

    @Autowired
    Retention retention;

    @Autowired
    AuditTrail audit;

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
    void aHeldRecordSurvivesItsDueTimeAndIsReleasedWhenTheHoldEnds() {
        SubjectId subject = records.person("held-record");
        RecordId record = records.trial(subject, "held-record");
        RecordId other = records.trial(subject, "held-record");
        Instant due = records.summary(record).dueAt();
        LocalDate lastDay = LocalDate.ofInstant(due, ZoneOffset.UTC).plusDays(3);

        JsonNode hold = place("{\"record\":\"" + record + "\",\"reason\":\"Case 2026-17 before the Landgericht\","
                + "\"until\":\"" + lastDay + "\"}");
        Instant ends = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(hold.get("endsAt").asString()).isEqualTo(ends.toString());
        assertThat(hold.get("active").asBoolean()).isTrue();

        clock.set(due);
        sweep();
        assertThat(records.exists(record)).as("held past its due time").isTrue();
        assertThat(records.exists(other))
                .as("the subject's other record is not held")
                .isFalse();
        assertThat(retention.blockers(subject)).singleElement().satisfies(blocker -> {
            assertThat(blocker.kind()).isEqualTo(ErasureBlocker.Kind.LEGAL_HOLD);
            assertThat(blocker.reason()).isEqualTo("Case 2026-17 before the Landgericht");
            assertThat(blocker.until()).isEqualTo(ends);
        });
        assertThat(retention.holdsSubject(subject))
                .as("a hold on one record keeps only that record")
                .isFalse();

        clock.set(ends.minusNanos(1000));
        sweep();
        assertThat(records.exists(record)).as("on the hold's last day").isTrue();

        clock.set(ends);
        sweep();
        assertThat(records.exists(record)).as("once the hold has ended").isFalse();
        assertThat(retention.blockers(subject)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM legal_hold WHERE record_id = :record")
                        .param("record", record.value())
                        .query(Long.class)
                        .single())
                .as("the ended hold goes with the record it named")
                .isZero();
    }

    @Test
    void aHoldOnASubjectKeepsAllTheirRecordsUntilReleasedAndBothActionsAreAudited() {
        SubjectId subject = records.person("held-subject");
        RecordId first = records.trial(subject, "held-subject");
        RecordId second = records.trial(subject, "held-subject");
        LocalDate lastDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
        JsonNode hold = place(
                "{\"subject\":\"" + subject + "\",\"reason\":\"Litigation hold L-88\",\"until\":\"" + lastDay + "\"}");
        clock.set(records.summary(second).dueAt());
        sweep();
        assertThat(records.exists(first)).isTrue();
        assertThat(records.exists(second)).isTrue();
        assertThat(retention.blockers(subject)).hasSize(2);
        assertThat(retention.holdsSubject(subject))
                .as("the subject itself is kept, even once no record is left")
                .isTrue();

        HttpResponse<String> released = http.postJson(
                "/api/v1/admin/holds/" + hold.get("id").asString() + "/release",
                "{\"reason\":\"Settled, L-88 closed\"}",
                ADMIN);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(Json.read(released.body()).get("active").asBoolean()).isFalse();
        sweep();

        assertThat(records.exists(first)).isFalse();
        assertThat(records.exists(second)).isFalse();
        assertThat(retention.holdsSubject(subject)).isFalse();
        assertThat(audit.read(subject.value(), null, 1000, java.util.Set.of()).entries())
                .extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::reason)
                .contains(
                        tuple("place-legal-hold", "admin", "Litigation hold L-88"),
                        tuple("release-legal-hold", "admin", "Settled, L-88 closed"));
        assertThat(http.get("/api/v1/admin/holds/" + hold.get("id").asString(), ADMIN)
                        .statusCode())
                .as("the hold named the person: it went with their last record")
                .isEqualTo(404);
    }

    @Test
    void badInputIsAnsweredFieldByFieldAndChangesNothing() {
        SubjectId subject = records.person("hold-mistakes");
        RecordId record = records.trial(subject, "hold-mistakes");
        long before = holds();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

        assertThat(errors(http.postJson("/api/v1/admin/holds", "{}", ADMIN)))
                .containsExactly("subject | required", "reason | required", "until | required");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"someone\",\"record\":\"12\",\"reason\":\" \",\"until\":\"next week\"}",
                        ADMIN)))
                .containsExactly(
                        "subject | invalid",
                        "record | invalid",
                        "record | conflict",
                        "reason | required",
                        "until | invalid");
        for (String beyondTheCalendar : new String[] {"+999999999-06-30", "+10000-01-01"}) {
            assertThat(errors(http.postJson(
                            "/api/v1/admin/holds",
                            "{\"subject\":\"" + SubjectId.random() + "\",\"reason\":\"R-0\",\"until\":\""
                                    + beyondTheCalendar + "\"}",
                            ADMIN)))
                    .as(beyondTheCalendar)
                    .contains("until | invalid");
        }
        assertThat(errors(http.postJson(
                        "/api/v1/admin/holds",
                        "{\"record\":\"" + record + "\",\"reason\":\"" + "x".repeat(501) + "\",\"until\":\"" + today
                                + "\"}",
                        ADMIN)))
                .containsExactly("reason | too-long", "until | not-in-future");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/holds",
                        "{\"record\":\"" + record + "\",\"reason\":\"R-9\",\"until\":\"9999-12-31\"}",
                        ADMIN)))
                .as("forever written as a date, which would end in the year 10000")
                .containsExactly("until | too-far");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + SubjectId.random() + "\",\"reason\":\"R-1\",\"until\":\"2099-01-01\"}",
                        ADMIN)))
                .containsExactly("subject | unknown");
        assertThat(http.postJson("/api/v1/admin/holds", "{\"subject\":", ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(holds()).isEqualTo(before);
        assertThat(http.postJson("/api/v1/admin/holds/" + UUID.randomUUID() + "/release", "{}", ADMIN)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsAndPrivacyOfficersHoldAndScopedStaffHoldOnlyRecordsOfTheirSites() {
        SubjectId subject = records.person("hold-roles");
        RecordId record = records.trial(subject, "hold-roles");
        String body = "{\"record\":\"" + record + "\",\"reason\":\"R-2\",\"until\":\"2099-01-01\"}";
        String agent = StaffUsers.create(jdbc, "SUPPORT_AGENT", null);
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        String olympusOfficer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "olympus-ims");
        String labOfficer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "lab");

        assertThat(http.postJson("/api/v1/admin/holds", body, StaffUsers.basic(agent))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.postJson("/api/v1/admin/holds", body, StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/holds", StaffUsers.basic(agent)).statusCode())
                .isEqualTo(403);
        assertThat(errors(http.postJson("/api/v1/admin/holds", body, StaffUsers.basic(olympusOfficer))))
                .containsExactly("record | unknown");
        assertThat(errors(http.postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + subject + "\",\"reason\":\"R-2\",\"until\":\"2099-01-01\"}",
                        StaffUsers.basic(labOfficer))))
                .containsExactly("subject | scope");

        HttpResponse<String> placed = http.postJson("/api/v1/admin/holds", body, StaffUsers.basic(labOfficer));
        assertThat(placed.statusCode()).isEqualTo(201);
        String id = Json.read(placed.body()).get("id").asString();
        assertThat(Json.read(http.get("/api/v1/admin/holds", StaffUsers.basic(auditor))
                                .body())
                        .valueStream()
                        .map(hold -> hold.get("id").asString()))
                .contains(id);
        assertThat(Json.read(http.get("/api/v1/admin/holds", StaffUsers.basic(olympusOfficer))
                                .body())
                        .valueStream()
                        .map(hold -> hold.get("id").asString()))
                .doesNotContain(id);
        assertThat(http.get("/api/v1/admin/holds/" + id, StaffUsers.basic(olympusOfficer))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aHoldOnAWholeSubjectIsSeenAndReleasedOnlyByStaffOfEverySite() {
        SubjectId subject = records.person("hold-every-site");
        RecordId record = records.trial(subject, "hold-every-site");
        String id = place("{\"subject\":\"" + subject + "\",\"reason\":\"Litigation L-90\",\"until\":\"2099-01-01\"}")
                .get("id")
                .asString();
        String labOfficer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "lab");
        String labAuditor = StaffUsers.create(jdbc, "AUDITOR", "lab");
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);

        for (String scoped : List.of(labOfficer, labAuditor)) {
            assertThat(Json.read(http.get("/api/v1/admin/holds?all=true", StaffUsers.basic(scoped))
                                    .body())
                            .valueStream()
                            .map(hold -> hold.get("id").asString()))
                    .as(scoped)
                    .doesNotContain(id);
            assertThat(http.get("/api/v1/admin/holds/" + id, StaffUsers.basic(scoped))
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(http.postJson("/api/v1/admin/holds/" + id + "/release", "{}", StaffUsers.basic(labOfficer))
                        .statusCode())
                .as("a member of one site cannot let another site's held records go")
                .isEqualTo(404);
        Console console = Console.signIn(port, labOfficer, StaffUsers.PASSWORD);
        assertThat(console.get("/admin/holds?all=true").body()).doesNotContain("Litigation L-90");
        assertThat(console.submit("/admin/holds", "/admin/holds/" + id + "/release", Map.of("reason", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(retention.holdsSubject(subject)).as("still held").isTrue();
        assertThat(retention.blockers(subject))
                .extracting(ErasureBlocker::reason)
                .containsExactly("Litigation L-90");

        assertThat(Json.read(http.get("/api/v1/admin/holds", StaffUsers.basic(auditor))
                                .body())
                        .valueStream()
                        .map(hold -> hold.get("id").asString()))
                .as("an auditor of every site")
                .contains(id);
        assertThat(records.exists(record)).isTrue();
    }

    @Test
    void theConsoleFormTiesEachMistakeToItsFieldAndPlacesAndReleasesHolds() {
        SubjectId subject = records.person("console-hold");
        RecordId record = records.trial(subject, "console-hold");
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> wrong =
                console.submit("/admin/holds", "/admin/holds", Map.of("record", record.toString(), "until", "soon"));

        assertThat(wrong.statusCode())
                .as("a refused form, as every console form answers it")
                .isEqualTo(422);
        assertThat(wrong.body())
                .contains("<div class=\"errors\" role=\"alert\">")
                .contains("<a href=\"#reason\">Give the reason for the hold (a case or court reference).</a>")
                .contains("aria-invalid=\"true\" aria-describedby=\"reason-hint reason-error\"")
                .contains("<p class=\"error\" id=\"until-error\">Write the last day of the hold as YYYY-MM-DD.</p>")
                .contains("value=\"" + record + "\"");
        assertThat(retention.blockers(subject)).isEmpty();

        HttpResponse<String> placed = console.submit(
                "/admin/holds",
                "/admin/holds",
                Map.of("record", record.toString(), "reason", "Ticket 4711", "until", "2099-12-31"));
        assertThat(placed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/holds?placed="));
        String page = console.get("/admin/holds").body();
        assertThat(page)
                .contains("<h1>Legal holds</h1>")
                .contains("Record</span> <code>" + record + "</code> (<span>lab</span>)")
                .contains("<td>Ticket 4711</td>")
                .contains("<td>December 31, 2099</td>");
        assertThat(retention.blockers(subject))
                .extracting(ErasureBlocker::reason)
                .containsExactly("Ticket 4711");

        String id = placed.headers().firstValue("Location").orElseThrow().replaceAll(".*placed=", "");
        HttpResponse<String> released =
                console.submit("/admin/holds", "/admin/holds/" + id + "/release", Map.of("reason", ""));
        assertThat(released.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/holds?released="));
        assertThat(retention.blockers(subject)).isEmpty();
        assertThat(console.get("/admin/holds?all=true").body()).contains("released ");
        HttpResponse<String> again =
                console.submit("/admin/holds", "/admin/holds/" + id + "/release", Map.of("reason", ""));
        assertThat(again.statusCode()).as("a hold no longer in force").isEqualTo(422);
    }

    /**
     * A hold on a whole person is placed, listed and released by staff of every site only. A member of the lab, whose
     * record it keeps, reads on the person's page and in the API that such a hold keeps it, but not its reason: both
     * showed the reason, which may name another site's matter, though their list of holds does not show the hold
     * (attack23). Staff of every site read it.
     */
    @Test
    void staffOfOneSiteLearnThatAHoldOnTheWholePersonKeepsTheirRecordButNotWhy() {
        SubjectId subject = records.person("held-whole");
        records.trial(subject, "held-whole");
        LocalDate lastDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
        JsonNode hold = place("{\"subject\":\"" + subject + "\",\"reason\":\"Omron recall dispute R-51\",\"until\":\""
                + lastDay + "\"}");
        String blockers = "/api/v1/admin/subjects/" + subject + "/retention-blockers";

        String labPage = Console.signIn(port, StaffUsers.add(port, "PRIVACY_OFFICER", "lab"), StaffUsers.PASSWORD)
                .get("/admin/people/" + subject)
                .body();
        assertThat(labPage)
                .contains("Placed on the whole person by staff of every site")
                .doesNotContain("R-51");
        HttpResponse<String> labAuditor =
                http.get(blockers, Http.basic(StaffUsers.add(port, "AUDITOR", "lab"), StaffUsers.PASSWORD));
        assertThat(labAuditor.statusCode()).as(labAuditor.body()).isEqualTo(200);
        assertThat(Json.read(labAuditor.body()).get("blockers").valueStream().toList())
                .singleElement()
                .satisfies(blocker -> {
                    assertThat(blocker.get("kind").asString()).isEqualTo("LEGAL_HOLD");
                    assertThat(blocker.get("reason").asString())
                            .contains("whole person")
                            .doesNotContain("R-51");
                });

        assertThat(Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                        .get("/admin/people/" + subject)
                        .body())
                .contains("Omron recall dispute R-51");
        assertThat(http.get(blockers, ADMIN).body()).contains("Omron recall dispute R-51");
        HttpResponse<String> released = http.postJson(
                "/api/v1/admin/holds/" + hold.get("id").asString() + "/release", "{\"reason\":\"Settled\"}", ADMIN);
        assertThat(released.statusCode()).isEqualTo(200);
    }

    private JsonNode place(String json) {
        HttpResponse<String> placed = http.postJson("/api/v1/admin/holds", json, ADMIN);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return Json.read(placed.body());
    }

    private static List<String> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.rows(Json.read(response.body()).get("errors"), "field", "code");
    }

    private long holds() {
        return jdbc.sql("SELECT count(*) FROM legal_hold").query(Long.class).single();
    }

    private void sweep() {
        sweeper.sweep("test", progress -> {});
    }
}
