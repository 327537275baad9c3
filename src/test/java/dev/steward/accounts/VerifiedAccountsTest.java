package dev.steward.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An account exists for a person only once a link sent to its address came back: a stranger who registers someone
 * else's address can do nothing with it and sees nothing, and the answer never tells whether the address is known.
 */
@StewardTest
class VerifiedAccountsTest {

    private static final String OMRON = SeedForms.OMRON;
    private static final String MALLORYS_PASSWORD = "mallory-canarytoken-pass";

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    UnverifiedRegistrations unverified;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangerWhoRegistersSomeoneElsesAddressCanNeitherSignInNorSeeTheirData() {
        Filled bobsQuestion = SeedForms.omronCustomerService();
        SubjectId bob = submitted(bobsQuestion);
        String bobsAddress = bobsQuestion.email();

        Filled mallorys = SeedForms.omronAccount().with("email", bobsAddress).with("password", MALLORYS_PASSWORD);
        SubjectId mallory = submitted(mallorys);

        assertThat(mallory).as("the registration joins nobody").isNotEqualTo(bob);
        Visitor visitor = new Visitor(port);
        HttpResponse<String> signIn = signIn(visitor, bobsAddress, MALLORYS_PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(422);
        assertThat(Pages.text(signIn.body()))
                .contains("Please confirm your e-mail address first")
                .doesNotContain(bobsQuestion.fields().get("name"))
                .doesNotContain(bobsQuestion.fields().get("question"));
        assertThat(visitor.get("/s/omron-healthcare/account").statusCode())
                .as("not signed in")
                .isEqualTo(302);
        assertThat(Mailboxes.to(port, bobsAddress))
                .extracting(mail -> mail.get("subjectLine").asString())
                .as("only the address's owner can verify")
                .contains("Confirm your e-mail address for Omronhealthcare.com");
        assertThat(vault.records(mallory))
                .extracting(record -> record.activity())
                .containsExactly("customer-account");

        String link = Registrations.verificationLink(port, OMRON, bobsAddress);
        HttpResponse<String> bobFollowsIt =
                new Visitor(port).submit(link, link, Map.of("password", "bob-does-not-know-it"));
        assertThat(bobFollowsIt.statusCode())
                .as("reading the mailbox is not enough to confirm a stranger's registration")
                .isEqualTo(422);
        assertThat(Pages.text(bobFollowsIt.body())).contains("This is not the password chosen");
        assertThat(signIn(new Visitor(port), bobsAddress, MALLORYS_PASSWORD).statusCode())
                .isEqualTo(422);

        clock.advance(AccountVerifications.VALID_FOR.plusMinutes(1));
        unverified.eraseExpired();

        assertThat(vault.exists(mallory))
                .as("a registration nobody verified is erased")
                .isFalse();
        assertThat(vault.exists(bob)).isTrue();
        assertThat(signIn(new Visitor(port), bobsAddress, MALLORYS_PASSWORD).statusCode())
                .isEqualTo(422);
    }

    @Test
    void theOwnerWhoVerifiesSeesWhatWasSubmittedUnderTheAddressBeforeTheAccount() {
        Filled question = SeedForms.omronCustomerService();
        submitted(question);
        Filled registration = SeedForms.omronAccount().with("email", question.email());
        submitted(registration);

        Registrations.verify(port, OMRON, question.email());

        Visitor visitor = new Visitor(port);
        assertThat(signIn(visitor, question.email(), SeedForms.PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(Pages.text(visitor.get("/s/omron-healthcare/account").body()))
                .contains(question.fields().get("question"))
                .contains(registration.fields().get("name"))
                .contains("E-mail address (confirmed)");
    }

    @Test
    void registeringAnswersTheSameWhetherTheAddressHasAnAccountOrNot() {
        Filled first = SeedForms.omronAccount();
        submitted(first);
        Registrations.verify(port, OMRON, first.email());

        HttpResponse<String> fresh = registerInBrowser(SeedForms.omronAccount());
        HttpResponse<String> known = registerInBrowser(SeedForms.omronAccount().with("email", first.email()));

        assertThat(known.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(200);
        assertThat(Pages.textOf(known.body(), "id=\"main\""))
                .isEqualTo(Pages.textOf(fresh.body(), "id=\"main\""))
                .contains("open the link we e-mailed");
        List<JsonNode> notes = Mailboxes.to(port, first.email()).stream()
                .filter(mail ->
                        mail.get("subjectLine").asString().equals("You already have an account on Omronhealthcare.com"))
                .toList();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("text").asString())
                .contains("/s/omron-healthcare/account/reset")
                .doesNotContain("/account/verify/");
    }

    @Test
    void theLinkOpensAPageThatChangesNothingAndOnlyItsButtonVerifies() {
        Filled registration = SeedForms.omronAccount();
        submitted(registration);
        String link = Registrations.verificationLink(port, OMRON, registration.email());

        assertThat(new Visitor(port).get(link).statusCode()).isEqualTo(200);
        assertThat(new Visitor(port).get(link).statusCode())
                .as("a mail scanner opens it twice")
                .isEqualTo(200);
        assertThat(signIn(new Visitor(port), registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .as("opening the link verified nothing")
                .isEqualTo(422);

        Visitor secondTab = new Visitor(port);
        String openedTwice = secondTab.get(link).body();
        Visitor browser = new Visitor(port);
        HttpResponse<String> pressed = browser.submit(link, link, Map.of("password", SeedForms.PASSWORD));
        assertThat(Pages.text(pressed.body())).contains("Your address is confirmed");
        assertThat(signIn(new Visitor(port), registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> again =
                secondTab.postForm(link, Map.of("_csrf", Console.csrf(openedTwice), "password", SeedForms.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Pages.text(again.body())).contains("Already done").contains("Your address is confirmed already.");
    }

    @Test
    void ofTwoRegistrationsOfOneAddressOnlyTheFirstVerifiedBecomesAnAccount() {
        Filled one = SeedForms.omronAccount();
        SubjectId first = submitted(one);
        String firstLink = Registrations.verificationLink(port, OMRON, one.email());
        clock.advance(Duration.ofSeconds(1));
        SubjectId second = submitted(SeedForms.omronAccount().with("email", one.email()));
        String secondLink = Registrations.verificationLink(port, OMRON, one.email());
        assertThat(secondLink).isNotEqualTo(firstLink);

        new Visitor(port).submit(secondLink, secondLink, Map.of("password", SeedForms.PASSWORD));
        HttpResponse<String> duplicate =
                new Visitor(port).submit(firstLink, firstLink, Map.of("password", SeedForms.PASSWORD));

        assertThat(Pages.text(duplicate.body())).contains("You have an account already");
        assertThat(vault.exists(first))
                .as("the duplicate registration is deleted")
                .isFalse();
        assertThat(vault.exists(second)).isTrue();
    }

    /**
     * Sign-in tries a few of the registrations naming the address (each try costs a password hash): on main the newest
     * three, so three strangers registering the owner's address after them made the owner's right password "wrong".
     */
    @Test
    void strangersRegisteringTheOwnersAddressLaterDoNotPushTheOwnersRegistrationOutOfSignIn() {
        Filled owners = SeedForms.omronAccount();
        submitted(owners);
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            submitted(SeedForms.omronAccount().with("email", owners.email()).with("password", MALLORYS_PASSWORD + i));
        }
        clock.advance(AccountVerifications.RESEND_AFTER);
        int mailsBefore = Mailboxes.to(port, owners.email()).size();

        HttpResponse<String> owner = signIn(new Visitor(port), owners.email(), SeedForms.PASSWORD);

        assertThat(owner.statusCode()).isEqualTo(422);
        assertThat(Pages.text(owner.body()))
                .as("the owner's right password is recognised, and their link sent again")
                .contains("We have sent it again")
                .doesNotContain("is not right");
        assertThat(Mailboxes.to(port, owners.email())).hasSize(mailsBefore + 1);
        assertThat(Pages.text(signIn(new Visitor(port), owners.email(), "a-password-nobody-chose")
                        .body()))
                .contains("The user name, e-mail address or password is not right.");
    }

    /**
     * Sign-in tries only the three oldest registrations of an address, so a stranger who registered it three times
     * before its owner made the owner's right password "not right", and on main nothing else sent the owner's link
     * again: a password reset sent nothing to an address whose registrations all wait, and each link in the mailbox
     * (the stranger's three and the owner's, alike) took only its own registration's password. Now "Forgot your
     * password?" sends a link, and any link of the address confirms the owner's registration with the owner's password.
     */
    @Test
    void aStrangerWhoRegistersTheAddressThreeTimesFirstCannotKeepItsOwnerFromTheirAccount() {
        Filled owners = SeedForms.omronAccount();
        List<SubjectId> mallorys = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            mallorys.add(submitted(
                    SeedForms.omronAccount().with("email", owners.email()).with("password", MALLORYS_PASSWORD + i)));
            clock.advance(Duration.ofSeconds(1));
        }
        SubjectId owner = submitted(owners);
        clock.advance(AccountVerifications.RESEND_AFTER);
        assertThat(Pages.text(signIn(new Visitor(port), owners.email(), SeedForms.PASSWORD)
                        .body()))
                .as("sign-in cannot tell the owner's untried registration from a wrong password")
                .contains("is not right");

        int mailsBefore = Mailboxes.to(port, owners.email()).size();
        String reset = "/s/omron-healthcare/account/reset";
        new Visitor(port).submit(reset, reset, Map.of("login", owners.email()));
        assertThat(Mailboxes.to(port, owners.email()))
                .as("asking for a reset sends the address a link to confirm it")
                .hasSize(mailsBefore + 1);
        String link = Registrations.verificationLink(port, OMRON, owners.email());

        HttpResponse<String> wrong = new Visitor(port).submit(link, link, Map.of("password", "nobody-chose-this-one"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        Registrations.verifyWith(port, link, SeedForms.PASSWORD);

        assertThat(signIn(new Visitor(port), owners.email(), SeedForms.PASSWORD).statusCode())
                .as("the owner signs in to their own registration")
                .isEqualTo(302);
        assertThat(identities.proven(owner, Identifier.email(owners.email()))).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(signIn(new Visitor(port), owners.email(), MALLORYS_PASSWORD + i)
                            .statusCode())
                    .as("the stranger's registrations stay unusable")
                    .isEqualTo(422);
        }
        assertThat(mallorys)
                .allSatisfy(mallory -> assertThat(identities.proven(mallory, Identifier.email(owners.email())))
                        .isFalse());
        new Visitor(port).submit(reset, reset, Map.of("login", owners.email()));
        assertThat(Mailboxes.to(port, owners.email()))
                .extracting(mail -> mail.get("subjectLine").asString())
                .as("now the address has an account, a reset is a reset")
                .anySatisfy(subjectLine -> assertThat(subjectLine).contains("Reset your password"));
    }

    @Test
    void anAccountRegisteredBeforeVerificationWasRequiredIsAskedToVerifyAtItsNextSignIn() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = submitted(registration);
        Registrations.verify(port, OMRON, registration.email());
        jdbc.sql("UPDATE account SET verified_at = NULL, verify_by = NULL WHERE subject_id = :s")
                .param("s", subject.value())
                .update();
        int mailsBefore = Mailboxes.to(port, registration.email()).size();
        clock.advance(AccountVerifications.RESEND_AFTER);

        HttpResponse<String> asked = signIn(new Visitor(port), registration.email(), SeedForms.PASSWORD);

        assertThat(asked.statusCode()).isEqualTo(422);
        assertThat(Pages.text(asked.body())).contains("We have sent it again");
        assertThat(Mailboxes.to(port, registration.email())).hasSize(mailsBefore + 1);
        clock.advance(AccountVerifications.VALID_FOR.plusDays(30));
        unverified.eraseExpired();
        assertThat(vault.exists(subject))
                .as("an older account has no deadline, only the new link has one")
                .isTrue();
    }

    @Test
    void aPasswordResetLinkProvesTheAddressOfAnOlderUnverifiedAccount() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = submitted(registration);
        jdbc.sql("UPDATE account SET verify_by = NULL WHERE subject_id = :s")
                .param("s", subject.value())
                .update();
        Registrations.resetPassword(port, OMRON, registration.email(), "canarytoken-renewed-1");

        assertThat(signIn(new Visitor(port), registration.email(), "canarytoken-renewed-1")
                        .statusCode())
                .isEqualTo(302);
        assertThat(identities.proven(subject, Identifier.email(registration.email())))
                .isTrue();
    }

    private SubjectId submitted(Filled form) {
        HttpResponse<String> answer = new Visitor(port).postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return SubjectId.parse(Json.read(answer.body()).get("subject").asString());
    }

    private HttpResponse<String> registerInBrowser(Filled form) {
        Visitor browser = new Visitor(port);
        HttpResponse<String> posted = browser.postForm(
                form.path(),
                form.formFields(Console.csrf(browser.get(form.path()).body())));
        assertThat(posted.statusCode()).as(Pages.text(posted.body())).isEqualTo(302);
        return browser.get(URI.create(posted.headers().firstValue("Location").orElseThrow())
                .getRawPath());
    }

    private static HttpResponse<String> signIn(Visitor visitor, String login, String password) {
        String path = "/s/omron-healthcare/account/login";
        return visitor.submit(path, path, Map.of("login", login, "password", password));
    }
}
