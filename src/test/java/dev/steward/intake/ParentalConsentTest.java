package dev.steward.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentDecisions;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosure;
import dev.steward.disclosures.Disclosures;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.DatabaseDump;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * A child in the EU below 16: the submission is held, the parent is asked by e-mail (delivered over SMTP to GreenMail)
 * and nothing happens until they confirm; unconfirmed submissions are erased after a week. Also a double opt-in
 * confirmed from a real mailbox.
 */
@StewardTest
// GreenMail, the test's mail server, logs each recipient's address as it creates a mailbox for it
@TestPropertySource(
        properties = {
            "steward.mail.interval=PT1S",
            "steward.mail.smtp.from=privacy@steward.test",
            "logging.level.com.icegreen.greenmail.user.UserManager=WARN"
        })
@RecordApplicationEvents
class ParentalConsentTest {

    private static final int SMTP_PORT = Smtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        Smtp.sendTo(properties, SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    Disclosures disclosures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    @Autowired
    HeldSubmissionSweep sweep;

    @Autowired
    Intake intake;

    @Autowired
    ParentalConsents parents;

    @Test
    void aChildsContactFormIsHeldUntilTheParentConfirmsByEmailThenProcessedWithTheParentsConsent() throws Exception {
        String parent = Canary.email(SeedForms.unique("parent"));
        Filled child = SeedForms.olympusContact().age("15").parent(parent);
        Visitor visitor = new Visitor(port);
        HttpResponse<String> sent = visitor.postForm(
                child.path() + "?region=EU",
                child.formFields(Console.csrf(visitor.get(child.path()).body())));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(Pages.text(visitor.get(java.net
                                .URI
                                .create(sent.headers().firstValue("Location").orElseThrow())
                                .getPath())
                        .body()))
                .contains("We have e-mailed your parent or guardian");

        SubjectId subject = identities.carrying(dev.steward.vault.Identifier.email(child.email())).stream()
                .findFirst()
                .orElseThrow();
        RecordId record = vault.records(subject).get(0).id();
        assertThat(vault.records(subject))
                .singleElement()
                .satisfies(held -> assertThat(held.state()).isEqualTo(RecordState.AWAITING_PARENT));
        assertThat(ledger.history(subject)).as("no consent before the parent's").isEmpty();
        assertThat(disclosures.of(subject))
                .as("no routing before the parent's consent")
                .isEmpty();

        MimeMessage mail = awaitMailTo(parent);
        assertThat(mail.getSubject()).isEqualTo("Please confirm your child's form on Olympus IMS");
        String link = Mailboxes.linkIn((String) mail.getContent(), "/s/olympus-ims/parental-consent/")
                .orElseThrow();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(DatabaseDump.of(jdbcUrl()).text())
                .as("only the token's hash is stored")
                .doesNotContain(token);

        Visitor parentsBrowser = new Visitor(port);
        String page = parentsBrowser.get(link).body();
        assertThat(Pages.text(page))
                .contains("Questions and comments")
                .contains("Company Name")
                .contains("I explicitly consent to my data being hosted in the United States")
                .contains("You can revoke your consent to the processing of personal data at any time.");
        HttpResponse<String> confirmed =
                parentsBrowser.postForm(link, Map.of("_csrf", Console.csrf(page), "decision", "confirm"));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(vault.record(record).orElseThrow().state()).isEqualTo(RecordState.ACTIVE);
        List<ConsentEvent> consents = ledger.history(subject);
        assertThat(consents)
                .extracting(ConsentEvent::purpose)
                .containsExactly("respond-to-inquiries", "hosting-transfer");
        assertThat(consents).allSatisfy(event -> {
            assertThat(event.action().key()).isEqualTo("confirmed");
            assertThat(event.byParent()).isTrue();
            assertThat(event.evidenceRef()).isEqualTo("sha256:" + Sha256.hex(token));
            assertThat(event.method()).isEqualTo("email-link");
            assertThat(confirmed.body()).contains("href=\"" + event.receiptPath() + "\"");
        });
        assertThat(Pages.text(confirmed.body()))
                .as("each receipt named by the consent it proves, not numbered")
                .contains("Receipt: To respond to your inquiries or your requests")
                .contains("Receipt: Hosting the website and its data in the United States")
                .doesNotContainPattern("receipt \\d");
        assertThat(decisions
                        .decide("olympus-ims", subject.toString(), "respond-to-inquiries", null)
                        .allowed())
                .isTrue();
        assertThat(disclosures.of(subject)).extracting(Disclosure::recipient).containsExactly("olympus-europa");
        assertThat(parentsBrowser
                        .postForm(link, Map.of("_csrf", Console.csrf(page), "decision", "confirm"))
                        .statusCode())
                .as("the link works once")
                .isEqualTo(410);
    }

    @Test
    void aChildsRegistrationCanBeUsedOnlyOnceTheParentConfirmed() throws Exception {
        String parent = Canary.email(SeedForms.unique("guardian"));
        Filled child = SeedForms.olympusSoftwareDownload().age("14").parent(parent);
        JsonNode answer = Json.read(
                new Visitor(port).postJson(child.apiPath(), child.json()).body());
        assertThat(answer.get("status").asString()).isEqualTo("awaiting-parent");
        assertThat(answer.get("receipts").size()).isZero();

        HttpResponse<String> early = signIn(child.fields().get("username"));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(Pages.text(early.body())).contains("once your parent or guardian has confirmed it");

        String link = parentLink(parent);
        Visitor browser = new Visitor(port);
        browser.postForm(link, Map.of("_csrf", Console.csrf(browser.get(link).body()), "decision", "confirm"));
        HttpResponse<String> unverified = signIn(child.fields().get("username"));
        assertThat(unverified.statusCode()).isEqualTo(422);
        assertThat(Pages.text(unverified.body())).contains("Please confirm your e-mail address first");

        // over SMTP the staff mailbox withholds the link's token: the child's own mailbox has it
        Registrations.verifyWith(
                port,
                Mailboxes.linkIn(
                                Smtp.text(Smtp.awaitMessage(
                                        smtp::getReceivedMessages, child.email(), "Confirm your e-mail address")),
                                "/s/olympus-ims/account/verify/")
                        .orElseThrow(),
                SeedForms.PASSWORD);

        assertThat(signIn(child.fields().get("username")).statusCode()).isEqualTo(302);
    }

    @Test
    void aHeldSubmissionNoParentConfirmedWithinAWeekIsErased() throws Exception {
        String parent = Canary.email(SeedForms.unique("away"));
        Filled child = SeedForms.olympusNewsletter().age("12").parent(parent);
        JsonNode answer = Json.read(
                new Visitor(port).postJson(child.apiPath(), child.json()).body());
        SubjectId subject = SubjectId.parse(answer.get("subject").asString());
        String link = parentLink(parent);

        clock.advance(Duration.ofDays(6));
        sweep.sweep();
        assertThat(vault.exists(subject)).as("still within the week").isTrue();

        clock.advance(Duration.ofDays(2));
        sweep.sweep();

        assertThat(vault.exists(subject)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_token WHERE subject_id = :s")
                        .param("s", subject.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT reason FROM erasure_log WHERE subject_id = :s ORDER BY seq")
                        .param("s", subject.value())
                        .query(String.class)
                        .list())
                .contains("parental consent not given in time");
        HttpResponse<String> late = new Visitor(port).get(link);
        assertThat(late.statusCode())
                .as("the link was erased with the submission")
                .isEqualTo(404);
        assertThat(Pages.text(late.body())).contains("It may have expired and been deleted with what it was for");
    }

    @Test
    void aParentWhoRefusesHasTheSubmissionErasedAtOnce() throws Exception {
        String parent = Canary.email(SeedForms.unique("strict"));
        Filled child = SeedForms.olympusContact().age("10").parent(parent);
        JsonNode answer = Json.read(
                new Visitor(port).postJson(child.apiPath(), child.json()).body());
        String link = parentLink(parent);
        Visitor browser = new Visitor(port);

        HttpResponse<String> refused = browser.postForm(
                link, Map.of("_csrf", Console.csrf(browser.get(link).body()), "decision", "refuse"));

        assertThat(Pages.text(refused.body())).contains("The form has been deleted.");
        assertThat(vault.exists(SubjectId.parse(answer.get("subject").asString())))
                .isFalse();
    }

    @Test
    void formSubmittedIsPublishedForAnAcceptedSubmissionAndForAHeldOneOnlyOnceTheParentConfirmed(
            ApplicationEvents events) throws Exception {
        Submitted adult = intake.submit(submission(SeedForms.olympusContact()));
        assertThat(events.stream(FormSubmitted.class).filter(e -> e.record().equals(adult.record())))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.recipient()).isEqualTo("olympus-europa");
                    assertThat(event.form()).isEqualTo("contact");
                    assertThat(event.activity()).isEqualTo("contact-form");
                    assertThat(event.subject()).isEqualTo(adult.subject());
                });

        String parent = Canary.email(SeedForms.unique("mum"));
        Submitted held =
                intake.submit(submission(SeedForms.olympusContact().age("15").parent(parent)));
        assertThat(held.status()).isEqualTo(Submitted.Status.AWAITING_PARENT);
        assertThat(events.stream(FormSubmitted.class).filter(e -> e.record().equals(held.record())))
                .isEmpty();

        String link = parentLink(parent);
        parents.confirm("olympus-ims", link.substring(link.lastIndexOf('/') + 1), null, null);
        assertThat(events.stream(FormSubmitted.class).filter(e -> e.record().equals(held.record())))
                .hasSize(1);
    }

    @Test
    void aDoubleOptInIsConfirmedFromTheMailboxTheLinkWasSentTo() throws Exception {
        Filled form = SeedForms.olympusNewsletter();
        JsonNode answer = Json.read(
                new Visitor(port).postJson(form.apiPath(), form.json()).body());
        SubjectId subject = SubjectId.parse(answer.get("subject").asString());

        MimeMessage mail = awaitMailTo(form.email());
        assertThat(mail.getSubject()).isEqualTo("Please confirm your subscription to Olympus IMS");
        String link = Mailboxes.linkIn((String) mail.getContent(), "/s/olympus-ims/confirm/")
                .orElseThrow();
        Visitor browser = new Visitor(port);
        browser.postForm(link, Map.of("_csrf", Console.csrf(browser.get(link).body())));

        assertThat(decisions
                        .decide("olympus-ims", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-confirmed");
    }

    private FormSubmission submission(Filled form) {
        return new FormSubmission(
                form.site(),
                form.form(),
                form.fields(),
                java.util.Set.copyOf(form.consents()),
                List.of(),
                form.age(),
                null,
                form.parentEmail(),
                null,
                CollectionMethod.FORM,
                new FormSubmission.Connection(form.region(), Visitor.randomIp(), "Canary Agent", clock.instant()));
    }

    /** The confirmation link in the e-mail the parent received over SMTP. */
    private String parentLink(String parent) throws Exception {
        return Mailboxes.linkIn((String) awaitMailTo(parent).getContent(), "/s/olympus-ims/parental-consent/")
                .orElseThrow();
    }

    private HttpResponse<String> signIn(String login) {
        Visitor visitor = new Visitor(port);
        return visitor.submit(
                "/s/olympus-ims/account/login",
                "/s/olympus-ims/account/login",
                Map.of("login", login, "password", SeedForms.PASSWORD));
    }

    private MimeMessage awaitMailTo(String address) {
        return Smtp.awaitMessage(smtp::getReceivedMessages, address, "");
    }

    private String jdbcUrl() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }
}
