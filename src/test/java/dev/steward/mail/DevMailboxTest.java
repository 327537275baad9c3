package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.MessageFrames;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without an SMTP server, mail goes to the dev mailbox, which staff read through the console and the API. */
@StewardTest
class DevMailboxTest {

    private static final String OLYMPUS = "olympus-ims";
    private static final String OMRON = "omron-healthcare";

    @LocalServerPort
    int port;

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDeliveredMessageIsShownAsItWouldBeSentAndEachReadIsAudited() {
        String address = unique("grace") + "@example.com";
        SubjectId grace = subject(address);
        UUID id = mailer.queue(OutgoingMail.service(OLYMPUS, grace, address, "Your inquiry", "Dear Grace, thank you."));
        deliver();

        assertThat(mailer.status(id)).contains(MailStatus.SENT);
        long auditsBefore = mailboxReads(grace);
        HttpResponse<String> listing = http.get("/api/v1/admin/mailbox?to=" + encode(address), admin());
        http.get("/api/v1/admin/mailbox?to=" + encode(address), admin());

        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body())
                .contains("\"delivery\":\"dev-mailbox\"")
                .contains("\"to\":\"" + address + "\"")
                .contains("\"subjectLine\":\"Your inquiry\"")
                .contains("Dear Grace, thank you.")
                .contains("\"status\":\"sent\"")
                .contains("\"transport\":\"dev-mailbox\"");
        assertThat(mailboxReads(grace)).isEqualTo(auditsBefore + 2);
    }

    @Test
    void theListingIsNewestFirstAndFiltersByAddressThroughDecryption() {
        String first = unique("heidi") + "@example.com";
        String second = unique("ivan") + "@example.com";
        mailer.queue(OutgoingMail.service(OLYMPUS, subject(first), first, "First", "Body"));
        clock.advance(Duration.ofSeconds(1));
        mailer.queue(OutgoingMail.service(OLYMPUS, subject(second), second, "Second", "Body"));

        String both = http.get("/api/v1/admin/mailbox?limit=10", admin()).body();
        String filtered = http.get("/api/v1/admin/mailbox?to=" + encode(first.toUpperCase()), admin())
                .body();

        assertThat(both.indexOf(second)).isNotNegative().isLessThan(both.indexOf(first));
        assertThat(filtered).contains(first).doesNotContain(second);
    }

    @Test
    void staffScopedToAnotherSiteDoNotSeeTheMessageAndAuditorsMayNotReadTheMailbox() {
        String address = unique("judy") + "@example.com";
        mailer.queue(OutgoingMail.service(OLYMPUS, subject(address), address, "Olympus reply", "Body"));
        String omronAgent = StaffUsers.create(jdbc, "SUPPORT_AGENT", OMRON);
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);

        HttpResponse<String> scoped = http.get("/api/v1/admin/mailbox?limit=500", StaffUsers.basic(omronAgent));
        HttpResponse<String> otherSite =
                http.get("/api/v1/admin/mailbox?site=" + OLYMPUS, StaffUsers.basic(omronAgent));
        HttpResponse<String> audited = http.get("/api/v1/admin/mailbox", StaffUsers.basic(auditor));

        assertThat(scoped.statusCode()).isEqualTo(200);
        assertThat(scoped.body()).doesNotContain(address).doesNotContain("Olympus reply");
        assertThat(otherSite.statusCode()).isEqualTo(404);
        assertThat(audited.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/mailbox?limit=500", admin()).body()).contains(address);
    }

    @Test
    void theConsolePageShowsTheMailboxAfterSignIn() {
        String address = unique("ken") + "@example.com";
        UUID id = mailer.queue(OutgoingMail.service(OLYMPUS, subject(address), address, "Console reply", "Plain words")
                .withHtml("<p>Rich words</p>"));
        deliver();

        signIn("admin", StewardTest.ADMIN_PASSWORD);
        HttpResponse<String> page = http.get("/admin/mailbox?to=" + encode(address));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("No SMTP server is configured")
                .contains(address)
                .contains("Console reply")
                .contains("Plain words")
                .contains("<iframe sandbox=\"\" data-src=\"/admin/mailbox/" + id + ".html\"")
                .doesNotContain("srcdoc")
                .doesNotContain("Rich words")
                .contains("href=\"/admin/mailbox\"");
        HttpResponse<String> frame = http.get("/admin/mailbox/" + id + ".html");
        MessageFrames.assertFramed(frame);
        assertThat(frame.body()).isEqualTo("<p>Rich words</p>");
    }

    /**
     * A message's HTML has an address of its own, which only those who may read the mailbox reach, on their sites
     * only; each read is audited; what is not a message with HTML that the caller may see is not found.
     */
    @Test
    void eachMessagesHtmlIsReadAtItsOwnAddressByWhoeverMayReadTheMailboxOnTheirSitesAndIsAudited() {
        String address = unique("lena") + "@example.com";
        SubjectId lena = subject(address);
        UUID html = mailer.queue(OutgoingMail.service(OLYMPUS, lena, address, "Rich", "Plain")
                .withHtml("<p style=\"color:#123456\">Rich</p>"));
        UUID plain = mailer.queue(OutgoingMail.service(OLYMPUS, lena, address, "Plain only", "Plain"));
        deliver();
        String olympusAgent = StaffUsers.add(port, "SUPPORT_AGENT", OLYMPUS);
        String omronOfficer = StaffUsers.add(port, "PRIVACY_OFFICER", OMRON);
        String auditor = StaffUsers.add(port, "AUDITOR", null);
        String path = "/admin/mailbox/" + html + ".html";

        long before = mailboxReads(lena);
        HttpResponse<String> read = consoleOf(olympusAgent).get(path);
        MessageFrames.assertFramed(read);
        assertThat(read.body()).isEqualTo("<p style=\"color:#123456\">Rich</p>");
        assertThat(mailboxReads(lena)).as("the read is audited").isEqualTo(before + 1);

        assertThat(consoleOf(omronOfficer).get(path).statusCode())
                .as("another site's message is answered as if it did not exist")
                .isEqualTo(404);
        assertThat(consoleOf(auditor).get(path).statusCode())
                .as("the auditor may not read the mailbox")
                .isEqualTo(403);
        Console admin = consoleOf("admin");
        assertThat(admin.get("/admin/mailbox/" + plain + ".html").statusCode())
                .as("a message without HTML")
                .isEqualTo(404);
        assertThat(admin.get("/admin/mailbox/" + UUID.randomUUID() + ".html").statusCode())
                .isEqualTo(404);
        HttpResponse<String> anonymous = http.get(path);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain("Rich");
        assertThat(http.get(path.replace("/admin/", "/api/v1/admin/"), admin()).statusCode())
                .as("the API has no such address")
                .isEqualTo(404);
        assertThat(mailboxReads(lena)).as("no refusal was audited as a read").isEqualTo(before + 1);
    }

    private Console consoleOf(String member) {
        return Console.signIn(port, member, "admin".equals(member) ? StewardTest.ADMIN_PASSWORD : StaffUsers.PASSWORD);
    }

    @Test
    void malformedMessagesAreRefusedWithSpecificErrorsAndNothingIsStored() {
        String address = unique("leo") + "@example.com";
        SubjectId leo = subject(address);
        long before = messages();

        assertThat(errors(new OutgoingMail(
                        OMRON, leo, MailKind.SERVICE, "not-an-address", "Two\nlines", " ", null, null, "Bad Category")))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("to", "invalid-address"),
                        tuple("subjectLine", "line-break"),
                        tuple("text", "required"),
                        tuple("category", "invalid"));
        assertThat(errors(OutgoingMail.marketing(OMRON, leo, "customer-service", address, "Offer", "Body")))
                .extracting(FieldError::code)
                .containsExactly("not-direct-marketing");
        assertThat(errors(new OutgoingMail(
                        OMRON, leo, MailKind.SERVICE, address, "Offer", "Body", null, "special-offers", null)))
                .extracting(FieldError::code)
                .as("an offer called service mail is still marketing")
                .containsExactly("marketing-purpose");
        assertThat(errors(new OutgoingMail(OMRON, leo, MailKind.MARKETING, address, "Offer", "Body", null, null, null)))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("purpose", "required"));
        assertThat(errors(OutgoingMail.service("nowhere", leo, address, "Hi", "Body")))
                .extracting(FieldError::code)
                .containsExactly("unknown-site");
        assertThat(errors(OutgoingMail.service(OMRON, SubjectId.random(), address, "Hi", "Body")))
                .extracting(FieldError::code)
                .containsExactly("unknown-subject");
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void metricsCountMessagesPerKindWithoutPersonalData() {
        String address = unique("mallory") + "@example.com";
        mailer.queue(OutgoingMail.operational(OMRON, subject(address), address, "Product recall", "Please return it."));
        deliver();

        String metrics = http.get("/actuator/prometheus", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                .body();

        assertThat(metrics)
                .containsPattern(
                        "steward_mail_messages_total\\{[^}]*kind=\"operational\"[^}]*status=\"sent\"[^}]*\\} [1-9]")
                .contains("steward_mail_backlog{kind=\"marketing\",status=\"queued\"}")
                .doesNotContain(address)
                .doesNotContain("Product recall");
    }

    private List<FieldError> errors(OutgoingMail mail) {
        try {
            mailer.queue(mail);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("the message was accepted");
    }

    private void signIn(String user, String password) {
        String login = http.get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn =
                http.postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/admin"));
    }

    private long mailboxReads(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'read-mailbox' AND subject_id = :subject")
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private long messages() {
        return jdbc.sql("SELECT count(*) FROM mail_message").query(Long.class).single();
    }

    private SubjectId subject(String address) {
        return identities.forAddress(Identifier.email(address));
    }

    private void deliver() {
        delivery.deliverDue();
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
