package dev.steward.inquiries;

import static dev.steward.inquiries.Submitted.OLYMPUS;
import static dev.steward.inquiries.Submitted.OMRON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.RecordId;
import dev.steward.vault.Vault;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/** The inquiries inbox over the staff API: cases from submissions, audited reads, scoping, replies, closing. */
@StewardTest
class InquiriesTest {

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    InquiryRepository cases;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    Submitted.Forms forms;
    Http http;

    /** Every {@link CaseClosed} published while a test runs, and whether a transaction was active then. */
    final List<String> closed = new CopyOnWriteArrayList<>();

    final ApplicationListener<ApplicationEvent> closedListener = event -> {
        if (event instanceof PayloadApplicationEvent<?> published && published.getPayload() instanceof CaseClosed c) {
            closed.add(c + " in transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
        }
    };

    @BeforeEach
    void setUp() {
        forms = Submitted.Forms.in(context);
        http = new Http(port);
        context.addApplicationListener(closedListener);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(closedListener);
    }

    @Test
    void everySubmissionOfCorrespondenceOpensOneCaseAndNoOtherSubmissionDoes() {
        Submitted olympus = forms.olympusContact("Ada");
        Submitted omron = forms.omronCustomerService("Bob");
        Submitted newsletter = forms.olympusNewsletter("Cleo");
        forms.publishAgain(olympus, OLYMPUS, "contact", "contact-form");

        InquiryCase opened = cases.find(olympus.caseId()).orElseThrow();
        assertThat(opened)
                .extracting(
                        InquiryCase::record,
                        InquiryCase::subject,
                        InquiryCase::site,
                        InquiryCase::form,
                        InquiryCase::activity,
                        InquiryCase::recipient,
                        InquiryCase::status,
                        InquiryCase::assignee)
                .containsExactly(
                        olympus.record(),
                        olympus.subject(),
                        OLYMPUS,
                        "contact",
                        "contact-form",
                        "olympus-europa",
                        CaseStatus.OPEN,
                        null);
        assertThat(cases.ofRecord(omron.record()))
                .hasValueSatisfying(c -> assertThat(c.recipient()).isNull());
        assertThat(cases.ofRecord(newsletter.record())).isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM inquiry_case WHERE record_id = ?",
                        olympus.record().value()))
                .as("an event delivered twice opens one case")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT * FROM inquiry_case").query().listOfRows().toString())
                .as("nothing personal in the case table")
                .doesNotContainIgnoringCase(Canary.MARKER);
    }

    @Test
    void staffWhoAnswerInquiriesReadTheCaseAndEveryReadIsAudited() {
        Submitted ada = forms.olympusContact("Dora");
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        String officer = StaffUsers.add(port, "PRIVACY_OFFICER", null);
        String auditor = StaffUsers.add(port, "AUDITOR", null);

        HttpResponse<String> byAgent = http.get(path(ada), StaffUsers.basic(agent));
        HttpResponse<String> byOfficer = http.get(path(ada), StaffUsers.basic(officer));
        HttpResponse<String> byAdmin = http.get(path(ada), admin());
        HttpResponse<String> byAuditor = http.get(path(ada), StaffUsers.basic(auditor));

        assertThat(List.of(byAgent.statusCode(), byOfficer.statusCode(), byAdmin.statusCode()))
                .containsOnly(200);
        JsonNode read = Json.read(byAgent.body());
        assertThat(Json.rows(read.get("fields"), "key", "label", "value"))
                .startsWith("location | Location | Germany (DE)")
                .contains(
                        "email | E-mail | " + ada.email(),
                        "message | Message | Does the microscope fit? Ask " + Canary.name("Dora"));
        assertThat(read.get("inquiry").get("status").asString()).isEqualTo("open");
        assertThat(byAuditor.statusCode()).isEqualTo(403);
        assertThat(byAuditor.body()).doesNotContain(ada.email());
        assertThat(jdbc.sql("""
                        SELECT actor, site, reason FROM audit_event
                        WHERE action = 'read-case' AND subject_id = ? ORDER BY seq
                        """)
                        .param(ada.subject().value())
                        .query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .as("one entry per read, naming the case; the auditor read nothing")
                .containsExactly(
                        tuple(agent, OLYMPUS, ada.caseId().toString()),
                        tuple(officer, OLYMPUS, ada.caseId().toString()),
                        tuple("admin", OLYMPUS, ada.caseId().toString()));
    }

    @Test
    void staffScopedToAnotherSiteCannotOpenTheCaseNorTellItFromAnIdThatDoesNotExist() {
        Submitted olympus = forms.olympusContact("Eve");
        Submitted omron = forms.omronCustomerService("Finn");
        String omronAgent = StaffUsers.add(port, "SUPPORT_AGENT", OMRON);
        String[] scoped = StaffUsers.basic(omronAgent);

        HttpResponse<String> otherSite = http.get(path(olympus), scoped);
        HttpResponse<String> guessed = http.get("/api/v1/admin/inquiries/" + UUID.randomUUID(), scoped);
        HttpResponse<String> reply = http.postJson(path(olympus) + "/replies", "{\"text\":\"Hello\"}", scoped);
        HttpResponse<String> close = http.postJson(path(olympus) + "/close", "{}", scoped);
        HttpResponse<String> listing = http.get("/api/v1/admin/inquiries?limit=500", scoped);

        assertThat(List.of(otherSite.statusCode(), guessed.statusCode(), reply.statusCode(), close.statusCode()))
                .containsOnly(404);
        assertThat(otherSite.body().replace(olympus.caseId().toString(), "ID"))
                .isEqualTo(guessed.body().replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(http.get("/api/v1/admin/inquiries?site=" + OLYMPUS, scoped).statusCode())
                .isEqualTo(404);
        assertThat(listing.body())
                .contains(omron.caseId().toString())
                .doesNotContain(olympus.caseId().toString());
        assertThat(http.get(path(omron), scoped).statusCode()).isEqualTo(200);
        assertThat(cases.find(olympus.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE subject_id = ?",
                        olympus.subject().value()))
                .isZero();
    }

    @Test
    void aReplyGoesOutByEmailToTheSubmitterAndIsKeptSealedWithTheCase() {
        Submitted grace = forms.olympusContact("Grace");
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        String text = "Dear " + Canary.name("Grace") + ", yes, it fits.";

        HttpResponse<String> sent =
                http.postJson(path(grace) + "/replies", "{\"text\":\"" + text + "\"}", StaffUsers.basic(agent));

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(Json.read(sent.body()).get("author").asString()).isEqualTo(agent);
        JsonNode message = await().atMost(Duration.ofSeconds(40))
                .until(
                        () -> Json.read(http.get("/api/v1/admin/mailbox?to=" + encode(grace.email()), admin())
                                        .body())
                                .get("messages")
                                .get(0),
                        m -> m != null && m.get("status").asString().equals("sent"));
        assertThat(message.get("to").asString()).isEqualTo(grace.email());
        assertThat(message.get("kind").asString()).isEqualTo("service");
        assertThat(message.get("subjectLine").asString()).isEqualTo("Your inquiry to Olympus IMS");
        assertThat(message.get("text").asString()).startsWith(text).endsWith("Olympus IMS");

        JsonNode read = Json.read(http.get(path(grace), StaffUsers.basic(agent)).body());
        assertThat(read.get("inquiry").get("status").asString()).isEqualTo("answered");
        assertThat(read.get("inquiry").get("answeredAt").asString()).isNotBlank();
        assertThat(Json.rows(read.get("replies"), "author", "text", "delivery"))
                .containsExactly(agent + " | " + text + " | sent");
        assertThat(jdbc.sql("SELECT text_enc FROM inquiry_reply WHERE case_id = ?")
                        .param(grace.caseId())
                        .query(byte[].class)
                        .single())
                .asString(StandardCharsets.ISO_8859_1)
                .doesNotContain("it fits")
                .doesNotContainIgnoringCase(Canary.MARKER);
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'reply-case' AND actor = ? AND reason = ?",
                        agent,
                        grace.caseId().toString()))
                .isEqualTo(1);
    }

    @Test
    void aBadReplyIsRefusedWithItsErrorAndSendsAndKeepsNothing() {
        Submitted hal = forms.olympusContact("Hal");
        long mailBefore = count(
                "SELECT count(*) FROM mail_message WHERE subject_id = ?",
                hal.subject().value());

        HttpResponse<String> empty = http.postJson(path(hal) + "/replies", "{\"text\":\"  \"}", admin());
        HttpResponse<String> missing = http.postJson(path(hal) + "/replies", "{}", admin());
        HttpResponse<String> tooLong = http.postJson(
                path(hal) + "/replies", "{\"text\":\"" + "x".repeat(Inquiries.MAX_REPLY_LENGTH + 1) + "\"}", admin());

        assertThat(List.of(empty, missing, tooLong))
                .extracting(HttpResponse::statusCode)
                .containsOnly(422);
        assertThat(List.of(empty, missing, tooLong))
                .extracting(r -> Json.rows(Json.read(r.body()).get("errors"), "field", "code"))
                .containsExactly(List.of("text | required"), List.of("text | required"), List.of("text | too-long"));
        assertThat(count(
                        "SELECT count(*) FROM mail_message WHERE subject_id = ?",
                        hal.subject().value()))
                .isEqualTo(mailBefore);
        assertThat(count("SELECT count(*) FROM inquiry_reply WHERE case_id = ?", hal.caseId()))
                .isZero();
        assertThat(cases.find(hal.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void closingPublishesCaseClosedInItsTransactionAndEndsTheCorrespondence() {
        Submitted ivy = forms.olympusContact("Ivy");
        clock.advance(Duration.ofHours(3));
        String closedAt = clock.instant().toString();

        HttpResponse<String> close = http.postJson(path(ivy) + "/close", "", admin());

        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(Json.read(close.body()).get("status").asString()).isEqualTo("closed");
        assertThat(Json.read(close.body()).get("closedAt").asString()).isEqualTo(closedAt);
        assertThat(closed)
                .containsExactly("CaseClosed[record=" + ivy.record() + ", subject=" + ivy.subject() + ", site="
                        + OLYMPUS + ", activity=contact-form, closedAt=" + closedAt + "] in transaction: true");
        assertThat(List.of(
                        http.postJson(path(ivy) + "/close", "", admin()),
                        http.postJson(path(ivy) + "/replies", "{\"text\":\"More\"}", admin()),
                        http.postJson(path(ivy) + "/assignee", "{\"assignee\":\"admin\"}", admin())))
                .allSatisfy(refused -> {
                    assertThat(refused.statusCode()).isEqualTo(422);
                    assertThat(refused.body()).contains("\"code\":\"case-closed\"");
                });
        assertThat(closed).as("closed once").hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'close-case' AND reason = ?",
                        ivy.caseId().toString()))
                .isEqualTo(1);
    }

    @Test
    void aCaseIsAssignedOnlyToEnabledStaffWhoMayAnswerItsSite() {
        Submitted jo = forms.olympusContact("Jo");
        String olympusAgent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        String omronAgent = StaffUsers.add(port, "SUPPORT_AGENT", OMRON);
        String auditor = StaffUsers.add(port, "AUDITOR", null);

        assertThat(assign(jo, "nobody-" + UUID.randomUUID()).body()).contains("\"code\":\"cannot-answer\"");
        assertThat(assign(jo, omronAgent).body()).contains("\"code\":\"cannot-answer\"");
        assertThat(assign(jo, auditor).statusCode()).isEqualTo(422);
        assertThat(cases.find(jo.caseId()).orElseThrow().assignee()).isNull();

        HttpResponse<String> assigned = assign(jo, olympusAgent);

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(Json.read(assigned.body()).get("assignee").asString()).isEqualTo(olympusAgent);
        assertThat(http.postJson(path(jo) + "/assignee", "{\"assignee\":null}", admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(cases.find(jo.caseId()).orElseThrow().assignee()).isNull();
    }

    @Test
    void theInboxListsNewestFirstAndFiltersBySiteAndStatus() {
        Submitted first = forms.omronCustomerService("Kim");
        clock.advance(Duration.ofMinutes(1));
        Submitted second = forms.omronCustomerService("Lou");
        http.postJson(path(first) + "/replies", "{\"text\":\"Answered\"}", admin());

        String all = http.get("/api/v1/admin/inquiries?site=" + OMRON, admin()).body();
        String open = http.get("/api/v1/admin/inquiries?site=" + OMRON + "&status=open", admin())
                .body();

        assertThat(all.indexOf(second.caseId().toString()))
                .isNotNegative()
                .isLessThan(all.indexOf(first.caseId().toString()));
        assertThat(open)
                .contains(second.caseId().toString())
                .doesNotContain(first.caseId().toString());
        JsonNode pending = Json.read(
                http.get("/api/v1/admin/inquiries?status=pending", admin()).body());
        assertThat(Json.rows(pending.get("errors"), "field", "code")).containsExactly("status | invalid");
        assertThat(http.get("/api/v1/admin/inquiries?limit=0", admin()).statusCode())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/admin/inquiries?site=nowhere", admin()).statusCode())
                .isEqualTo(404);
        assertThat(all).doesNotContainIgnoringCase(Canary.MARKER);
    }

    @Test
    void erasingTheSubjectOrTheSubmissionDeletesTheCaseAndItsReplies() {
        Submitted max = forms.olympusContact("Max");
        Submitted nia = forms.omronCustomerService("Nia");
        http.postJson(path(max) + "/replies", "{\"text\":\"Thank you\"}", admin());

        vault.eraseSubject(max.subject(), "test: erasure request");
        vault.eraseRecords(nia.subject(), List.of(nia.record()), "customer-service", "test: retention");

        assertThat(cases.find(max.caseId())).isEmpty();
        assertThat(cases.find(nia.caseId())).isEmpty();
        assertThat(count("SELECT count(*) FROM inquiry_reply WHERE case_id = ?", max.caseId()))
                .isZero();
        assertThat(http.get(path(max), admin()).statusCode()).isEqualTo(404);
    }

    /**
     * A retention sweep's batch names thousands of records, few or none of them a case's submission: the cases of
     * exactly those named go, sent as one binary {@code uuid[]}, and the others stay.
     */
    @Test
    void erasedRecordsDeleteExactlyTheCasesAboutThemAmongThousandsOfIds() {
        Submitted max = forms.olympusContact("Max");
        Submitted nia = forms.omronCustomerService("Nia");
        List<RecordId> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(new RecordId(UUID.randomUUID()));
        }
        batch.add(2_500, nia.record());

        assertThat(cases.deleteOfRecords(batch)).isEqualTo(1);
        assertThat(cases.deleteOfRecords(List.of())).isZero();

        assertThat(cases.find(nia.caseId())).isEmpty();
        assertThat(cases.find(max.caseId())).isPresent();
    }

    private HttpResponse<String> assign(Submitted submitted, String assignee) {
        return http.postJson(path(submitted) + "/assignee", "{\"assignee\":\"" + assignee + "\"}", admin());
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private static String path(Submitted submitted) {
        return "/api/v1/admin/inquiries/" + submitted.caseId();
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
