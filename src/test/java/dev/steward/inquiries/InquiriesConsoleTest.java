package dev.steward.inquiries;

import static dev.steward.inquiries.Submitted.OLYMPUS;
import static dev.steward.inquiries.Submitted.OMRON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inquiries inbox and a case's page in the console, as staff with different roles and sites see them. */
@StewardTest
class InquiriesConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    InquiryRepository cases;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Submitted.Forms forms;

    @BeforeEach
    void forms() {
        forms = Submitted.Forms.in(context);
    }

    @Test
    void staffScopedToASiteSeeOnlyItsCasesAndCountsInTheInboxAndOnTheFrontPage() {
        Submitted olympus = forms.olympusContact("Olga");
        Submitted omron = forms.omronCustomerService("Omar");
        Console omronAgent = Console.signIn(port, StaffUsers.add(port, "SUPPORT_AGENT", OMRON), StaffUsers.PASSWORD);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String scoped = omronAgent.get("/admin/inquiries").body();
        String everything = admin.get("/admin/inquiries").body();

        assertThat(scoped)
                .contains(omron.caseId().toString())
                .doesNotContain(olympus.caseId().toString());
        assertThat(Pages.textOf(scoped, "id=\"counts\""))
                .contains("Omronhealthcare.com")
                .doesNotContain("Olympus");
        assertThat(everything)
                .contains(omron.caseId().toString(), olympus.caseId().toString());
        assertThat(Pages.textOf(everything, "id=\"counts\"")).contains("Omronhealthcare.com", "Olympus IMS");
        assertThat(scoped + everything).doesNotContainIgnoringCase(Canary.MARKER);
        assertThat(omronAgent.get("/admin/inquiries?site=" + OLYMPUS).statusCode())
                .isEqualTo(404);
        assertThat(omronAgent.get("/admin/inquiries/" + olympus.caseId()).statusCode())
                .isEqualTo(404);

        long open = openCases(OMRON);
        String front = omronAgent.get("/admin").body();
        assertThat(Pages.textOf(front, "aria-labelledby=\"tile-0\""))
                .isEqualTo("Open inquiries Omronhealthcare.com " + open + " Go to the inquiries inbox");
        assertThat(front).contains("href=\"/admin/inquiries?status=open&amp;site=" + OMRON + "\"");
    }

    @Test
    void auditorsNeitherSeeTheInboxNorItsTile() {
        Submitted olympus = forms.olympusContact("Paz");
        Console auditor = Console.signIn(port, StaffUsers.add(port, "AUDITOR", null), StaffUsers.PASSWORD);

        assertThat(auditor.get("/admin/inquiries").statusCode()).isEqualTo(403);
        assertThat(auditor.get("/admin/inquiries/" + olympus.caseId()).statusCode())
                .isEqualTo(403);
        assertThat(auditor.get("/admin").body()).doesNotContain("Open inquiries");
    }

    @Test
    void aPrivacyOfficerGoesFromACaseToALegalHoldOnItWithTheCaseFilledIn() {
        Submitted inquiry = forms.olympusContact("Holden");
        String officer = StaffUsers.add(port, "PRIVACY_OFFICER", OLYMPUS);
        Console console = Console.signIn(port, officer, StaffUsers.PASSWORD);
        UUID record = cases.find(inquiry.caseId()).orElseThrow().record().value();

        String page = console.get("/admin/inquiries/" + inquiry.caseId()).body();
        assertThat(page).contains("href=\"/admin/holds?record=" + record + "#place-heading\"");

        String holds = console.get("/admin/holds?record=" + record).body();
        assertThat(holds).containsPattern("id=\"record\" name=\"record\" value=\"" + record + "\"");
    }

    /**
     * The dev mailbox names a reply's site, kind and category in words: it showed "olympus-ims, Reply to the person,
     * personal-reply", the site's key and the outbox's code.
     */
    @Test
    void theMailboxNamesAReplysSiteAndCategoryInWords() {
        Submitted rae = forms.olympusContact("Rae");
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = "/admin/inquiries/" + rae.caseId();
        assertThat(console.submit(page, page + "/replies", Map.of("text", "Thank you, " + Canary.name("Rae")))
                        .statusCode())
                .isEqualTo(302);

        String mailbox =
                Pages.text(console.get("/admin/mailbox?to=" + URLEncoder.encode(rae.email(), StandardCharsets.UTF_8))
                        .body());

        assertThat(mailbox)
                .contains("Site, kind Olympus IMS, Reply to the person, written by a member of staff")
                .doesNotContain("personal-reply")
                .doesNotContain("olympus-ims,");
    }

    /** The mailbox's filter offers the member's sites by name; it was a text field that wanted the site's key. */
    @Test
    void theMailboxFiltersBySitesChosenByName() {
        Submitted sam = forms.olympusContact("Sam");
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = "/admin/inquiries/" + sam.caseId();
        console.submit(page, page + "/replies", Map.of("text", "Thank you"));
        String to = "to=" + URLEncoder.encode(sam.email(), StandardCharsets.UTF_8);

        String olympus = console.get("/admin/mailbox?site=olympus-ims&" + to).body();
        String omron = console.get("/admin/mailbox?site=omron-healthcare&" + to).body();

        assertThat(olympus)
                .contains("<select id=\"site\" name=\"site\">")
                .contains("<option value=\"\">Every site</option>")
                .contains("<option value=\"olympus-ims\" selected=\"selected\">Olympus IMS</option>")
                .contains("<option value=\"omron-healthcare\">Omronhealthcare.com</option>")
                .doesNotContain("type=\"text\" id=\"site\"")
                .contains("Reply to the person");
        assertThat(omron).doesNotContain("Reply to the person");
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        assertThat(Console.signIn(port, agent, StaffUsers.PASSWORD)
                        .get("/admin/mailbox")
                        .body())
                .as("a member sees only the sites they may")
                .contains(">Olympus IMS</option>")
                .doesNotContain(">Omronhealthcare.com</option>");
    }

    @Test
    void aCaseIsReadRepliedToAssignedAndClosedOnItsPage() {
        Submitted quinn = forms.olympusContact("Quinn");
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        Console console = Console.signIn(port, agent, StaffUsers.PASSWORD);
        String page = "/admin/inquiries/" + quinn.caseId();

        String read = console.get(page).body();
        assertThat(reads(quinn)).isEqualTo(1);
        assertThat(Pages.text(read))
                .contains("Location Germany (DE)")
                .contains("E-mail " + quinn.email())
                .contains("Routed to Olympus Europa SE & Co. KG")
                .contains("No reply yet.");
        assertThat(read).as("support agents place no legal holds").doesNotContain("Place a legal hold");

        HttpResponse<String> empty = console.submit(page, page + "/replies", Map.of("text", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("aria-describedby=\"text-hint text-error\"");
        assertThat(Pages.textOf(empty.body(), "id=\"text-error\"")).isEqualTo("Write the reply.");

        String text = "Yes, " + Canary.name("Quinn") + ", it fits.";
        HttpResponse<String> replied = console.submit(page, page + "/replies", Map.of("text", text));
        assertThat(replied.statusCode()).isEqualTo(302);
        String answered = console.get(page).body();
        assertThat(answered)
                .contains("Your reply was queued for sending by e-mail.")
                .contains(text);
        assertThat(Pages.textOf(answered, "id=\"case-status\"")).isEqualTo("answered");

        HttpResponse<String> wrongAssignee = console.submit(page, page + "/assignee", Map.of("assignee", "admin-x"));
        assertThat(Pages.textOf(wrongAssignee.body(), "id=\"assignee-error\""))
                .startsWith("Choose an enabled member of staff");
        console.submit(page, page + "/assignee", Map.of("assignee", agent));
        assertThat(cases.find(quinn.caseId()).orElseThrow().assignee()).isEqualTo(agent);

        HttpResponse<String> forged = console.http().postForm(page + "/close", Map.of());
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(cases.find(quinn.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.ANSWERED);

        console.submit(page, page + "/close", Map.of());
        String closed = console.get(page).body();
        assertThat(Pages.textOf(closed, "id=\"case-status\"")).isEqualTo("closed");
        assertThat(closed).doesNotContain("Send reply").doesNotContain("Close case");
        long reads = reads(quinn);
        console.get(page);
        assertThat(reads(quinn))
                .as("every showing of the case page is an audited read")
                .isEqualTo(reads + 1);
    }

    private long reads(Submitted submitted) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'read-case' AND reason = ?")
                .param(submitted.caseId().toString())
                .query(Long.class)
                .single();
    }

    private long openCases(String site) {
        return jdbc.sql("SELECT count(*) FROM inquiry_case WHERE site = ? AND status = 'open'")
                .param(site)
                .query(Long.class)
                .single();
    }
}
