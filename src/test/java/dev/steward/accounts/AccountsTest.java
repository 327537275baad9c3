package dev.steward.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.mail.MailStatus;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Visitors' accounts: sign-in, lockout, re-authentication, reset, "My privacy", marketing choices and deletion. */
@StewardTest
@RecordApplicationEvents
class AccountsTest {

    private static final String OLYMPUS = SeedForms.OLYMPUS;
    private static final String OMRON = SeedForms.OMRON;

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Mailer mailer;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SignIn signIn;

    @Autowired
    AccountVerifications verifications;

    @Test
    void aRegisteredVisitorSignsInWithUserNameOrEmailAndSeesTheirDataConsentsAndDownloads() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        SubjectId subject = register(registration);

        Visitor byName = signedIn(OLYMPUS, registration.fields().get("username"), SeedForms.PASSWORD);
        Visitor byEmail = signedIn(OLYMPUS, registration.email().toUpperCase(), SeedForms.PASSWORD);

        String page = byName.get("/s/olympus-ims/account").body();
        assertThat(Pages.text(page))
                .contains("My privacy")
                .contains(registration.fields().get("firstName"))
                .contains(registration.email())
                .contains("Software download")
                .doesNotContain(SeedForms.PASSWORD);
        assertThat(Pages.element(page, "aria-labelledby=\"your-consents\""))
                .contains("Registering you for software downloads")
                .contains("Hosting the website and its data in the United States");
        ledger.history(subject).forEach(event -> assertThat(page).contains("href=\"" + event.receiptPath() + "\""));
        assertThat(page)
                .as("a choice by its option's label, as on the form; it showed the value")
                .contains("<th scope=\"row\">Location</th><td>France</td>")
                .doesNotContain("<td>FR</td>");
        HttpResponse<String> downloads = byEmail.get("/s/olympus-ims/account/downloads");
        assertThat(downloads.statusCode()).isEqualTo(200);
        assertThat(downloads.body())
                .contains("href=\"https://www.olympus-ims.com/en/downloads/\"")
                .contains("Olympus Scientific Solutions software downloads");
        assertThat(lastUsed(subject)).isNotNull();
    }

    @Test
    void accountUsedIsPublishedWhenTheAddressIsVerifiedAndAtEverySignInButNotForAWrongPassword(
            ApplicationEvents events) {
        String email = Canary.email(SeedForms.unique("used"));
        SubjectId subject = identities.forAddress(Identifier.email(email));
        List<Registration.Login> logins = List.of(new Registration.Login("fields.email", Identifier.email(email)));

        accounts.register(
                new Registration(OMRON, "account", subject, logins, "fields.password", false), SeedForms.PASSWORD);
        assertThat(signIn.signIn(OMRON, email, SeedForms.PASSWORD).outcome())
                .as("nobody signs in before the address is verified")
                .isEqualTo(SignIn.Outcome.UNVERIFIED);
        String link = Registrations.verificationLink(port, OMRON, email);
        assertThat(verifications.verify(OMRON, link.substring(link.lastIndexOf('/') + 1), SeedForms.PASSWORD))
                .isEqualTo(AccountVerifications.Outcome.VERIFIED);
        clock.advance(Duration.ofMinutes(5));
        signIn.signIn(OMRON, email, "wrong-password");
        signIn.signIn(OMRON, email, SeedForms.PASSWORD);

        assertThat(events.stream(AccountUsed.class)
                        .filter(used -> used.subject().equals(subject)))
                .extracting(AccountUsed::site, AccountUsed::at)
                .containsExactly(
                        tuple(OMRON, clock.instant().minus(Duration.ofMinutes(5))), tuple(OMRON, clock.instant()));
        assertThat(accounts.check(OMRON, logins, "fields.password", SeedForms.PASSWORD))
                .as("an e-mail address is never answered as taken: that would tell a stranger who has an account")
                .isEmpty();
    }

    /**
     * A user name proves only who knows its account's password: a stranger cannot take the name of a registration
     * still waiting for its link (the same mailbox may register again), and a signed-in account reaches no other
     * subject through its user name, even one stored before this rule with the name as linking.
     */
    @Test
    void aUserNameWaitingForItsLinkIsTakenAndNeverReachesAnotherPersonsData() {
        Filled waiting = SeedForms.olympusSoftwareDownload().with("firstName", Canary.name(SeedForms.unique("Wanda")));
        HttpResponse<String> pending = new Visitor(port).postJson(waiting.apiPath(), waiting.json());
        assertThat(pending.statusCode()).isEqualTo(201);
        String name = waiting.fields().get("username");

        HttpResponse<String> stranger = new Visitor(port)
                .postJson(
                        waiting.apiPath(),
                        SeedForms.olympusSoftwareDownload()
                                .with("username", name)
                                .json());
        HttpResponse<String> sameMailbox = new Visitor(port).postJson(waiting.apiPath(), waiting.json());

        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("{\"field\":\"fields.username\",\"code\":\"taken\"");
        assertThat(sameMailbox.statusCode()).isEqualTo(201);

        Filled holder = SeedForms.olympusSoftwareDownload();
        SubjectId account = register(holder);
        SubjectId before =
                SubjectId.parse(Json.read(pending.body()).get("subject").asString());
        Identifier held = Identifier.username(holder.fields().get("username"));
        identities.add(before, List.of(new ClaimedIdentifier(held, true)));
        String page = signedIn(OLYMPUS, holder.fields().get("username"), SeedForms.PASSWORD)
                .get("/s/olympus-ims/account")
                .body();

        assertThat(identities.reach(account, held)).containsExactly(account);
        assertThat(Pages.text(page))
                .contains(holder.fields().get("firstName"))
                .doesNotContain(waiting.fields().get("firstName"));
    }

    @Test
    void aWrongPasswordOrAnUnknownLoginGetsTheSameAnswer() {
        Filled registration = SeedForms.omronAccount();
        register(registration);

        HttpResponse<String> wrong = signIn(new Visitor(port), OMRON, registration.email(), "not-the-password");
        HttpResponse<String> unknown =
                signIn(new Visitor(port), OMRON, "nobody-canarytoken@example.org", "whatever123");

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(Pages.textOf(wrong.body(), "id=\"error-summary\""))
                .isEqualTo(Pages.textOf(unknown.body(), "id=\"error-summary\""))
                .contains("The user name, e-mail address or password is not right.");
        assertThat(wrong.body()).containsPattern("id=\"login\"[^>]*aria-describedby=\"login-error\"");
    }

    @Test
    void anAccountWithoutARegistrationThatUnlocksDownloadsHasNoDownloadArea() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        Visitor visitor = signedIn(OMRON, registration.email(), SeedForms.PASSWORD);

        assertThat(visitor.get("/s/omron-healthcare/account/downloads").statusCode())
                .isEqualTo(404);
        assertThat(visitor.get("/s/omron-healthcare/account").body()).doesNotContain("/account/downloads");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForTheSitesPeriod() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        String login = registration.fields().get("username");

        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(Pages.text(signIn(new Visitor(port), OLYMPUS, login, "wrong-" + attempt)
                            .body()))
                    .contains("is not right");
        }
        assertThat(Pages.text(
                        signIn(new Visitor(port), OLYMPUS, login, "wrong-5").body()))
                .contains("Too many wrong passwords");
        HttpResponse<String> locked = signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(422);
        assertThat(Pages.text(locked.body())).contains("this account is locked until");

        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void sensitivePagesAskForThePasswordAgainOnceTheSitesPeriodHasPassed() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        Visitor visitor = signedIn(OLYMPUS, registration.email(), SeedForms.PASSWORD);
        assertThat(visitor.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(29));
        assertThat(visitor.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> asked = visitor.get("/s/olympus-ims/account");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).isEqualTo("/s/olympus-ims/account/password?continue=%2Fs%2Folympus-ims%2Faccount");
        String passwordPage = visitor.get(location(asked)).body();
        assertThat(Pages.text(passwordPage)).contains("more than 30 minutes ago");
        assertThat(visitor.postForm(
                                "/s/olympus-ims/account/preferences",
                                Map.of("_csrf", Console.csrf(passwordPage), "purpose", "newsletter"))
                        .statusCode())
                .as("changing choices needs the password too")
                .isEqualTo(302);
        assertThat(ledger.history(identities.carrying(Identifier.email(registration.email())).stream()
                        .findFirst()
                        .orElseThrow()))
                .extracting(ConsentEvent::purpose)
                .doesNotContain("newsletter");
        assertThat(visitor.get("/s/olympus-ims/account/downloads").statusCode())
                .as("the download area is not sensitive")
                .isEqualTo(200);

        HttpResponse<String> wrong = visitor.postForm(
                "/s/olympus-ims/account/password",
                Map.of(
                        "_csrf",
                        Console.csrf(passwordPage),
                        "password",
                        "wrong-password",
                        "continue",
                        "/s/olympus-ims/account"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        HttpResponse<String> back = visitor.postForm(
                "/s/olympus-ims/account/password",
                Map.of(
                        "_csrf",
                        Console.csrf(passwordPage),
                        "password",
                        SeedForms.PASSWORD,
                        "continue",
                        "/s/olympus-ims/account"));
        assertThat(location(back)).isEqualTo("/s/olympus-ims/account");
        assertThat(visitor.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordIsResetWithASingleUseLinkSentByEmail() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        Visitor visitor = new Visitor(port);

        HttpResponse<String> asked = visitor.submit(
                "/s/omron-healthcare/account/reset",
                "/s/omron-healthcare/account/reset",
                Map.of("login", registration.email()));
        HttpResponse<String> unknown = new Visitor(port)
                .submit(
                        "/s/omron-healthcare/account/reset",
                        "/s/omron-healthcare/account/reset",
                        Map.of("login", "nobody-canarytoken@example.org"));
        assertThat(Pages.text(asked.body())).contains("If there is an account with this login");
        assertThat(Pages.text(unknown.body())).isEqualTo(Pages.text(asked.body()));
        assertThat(Mailboxes.to(port, "nobody-canarytoken@example.org")).isEmpty();

        String link =
                Mailboxes.link(port, registration.email(), "Reset your password", "/s/omron-healthcare/account/reset/");
        JsonNode mail = Mailboxes.to(port, registration.email()).get(0);
        assertThat(mail.get("kind").asString()).isEqualTo("service");
        String form = visitor.get(link).body();
        assertThat(visitor.postForm(link, Map.of("_csrf", Console.csrf(form), "password", "short"))
                        .statusCode())
                .isEqualTo(422);
        String newPassword = "canarytoken-new-password";
        HttpResponse<String> reset =
                visitor.postForm(link, Map.of("_csrf", Console.csrf(form), "password", newPassword));
        assertThat(location(reset)).isEqualTo("/s/omron-healthcare/account/login?reset=done");

        assertThat(signIn(new Visitor(port), OMRON, registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(422);
        assertThat(signIn(new Visitor(port), OMRON, registration.email(), newPassword)
                        .statusCode())
                .isEqualTo(302);
        assertThat(visitor.get(link).statusCode()).as("the link works once").isEqualTo(410);
        assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE token_sha256 = :hash")
                        .param("hash", Sha256.hex(link.substring(link.lastIndexOf('/') + 1)))
                        .query(Long.class)
                        .single())
                .as("only the token's hash is stored")
                .isEqualTo(1);
    }

    /**
     * A stranger who knows someone's login asks for a reset again and again: every answer is the same, and the owner
     * gets three links at most while they wait unused and valid; each mail went out on main (attack23). The owner
     * loses nothing: a link already sent works, and its use ends the others. An hour later the links have expired
     * and a reset is mailed again.
     */
    @Test
    void askingForResetsAgainAndAgainMailsTheOwnerThreeLinksAtMost() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        String reset = "/s/omron-healthcare/account/reset";
        Visitor stranger = new Visitor(port);

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> asked = stranger.submit(reset, reset, Map.of("login", registration.email()));
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(Pages.text(asked.body())).contains("If there is an account with this login");
        }

        assertThat(resetMails(registration.email())).hasSize(3);
        List<String> links = resetMails(registration.email()).stream()
                .map(mail -> Mailboxes.linkIn(mail.get("text").asString(), reset + "/")
                        .orElseThrow())
                .toList();
        Visitor owner = new Visitor(port);
        String oldest = links.get(2);
        String form = owner.get(oldest).body();
        HttpResponse<String> done =
                owner.postForm(oldest, Map.of("_csrf", Console.csrf(form), "password", "canarytoken-reset-once"));
        assertThat(location(done)).isEqualTo("/s/omron-healthcare/account/login?reset=done");
        assertThat(new Visitor(port).get(links.get(0)).statusCode())
                .as("a reset ends the other links")
                .isEqualTo(410);

        stranger.submit(reset, reset, Map.of("login", registration.email()));
        assertThat(resetMails(registration.email())).hasSize(4);
        for (int i = 0; i < 3; i++) {
            stranger.submit(reset, reset, Map.of("login", registration.email()));
        }
        assertThat(resetMails(registration.email())).hasSize(6);
        clock.advance(Duration.ofMinutes(61));
        stranger.submit(reset, reset, Map.of("login", registration.email()));
        assertThat(resetMails(registration.email())).hasSize(7);
    }

    /**
     * One sender asks for reset links at most thirty times an hour, whatever the logins (attack23 O2): the
     * thirty-first is refused in words, with when to try again, before the login is looked at, so it is refused alike
     * for an account that exists; another sender is not held up.
     */
    @Test
    void oneSenderAsksForThirtyResetLinksAnHourAtMostWhateverTheLogins() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        String reset = "/s/omron-healthcare/account/reset";
        Visitor sender = new Visitor(port);
        for (int i = 0; i < 30; i++) {
            String login = "nobody-" + i + "-" + UUID.randomUUID() + "-canarytoken@example.org";
            assertThat(sender.submit(reset, reset, Map.of("login", login)).statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> refused = sender.submit(reset, reset, Map.of("login", registration.email()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Pages.text(refused.body()))
                .contains("Too many submissions from you in a short time. Please try again in")
                .doesNotContain("If there is an account with this login");
        assertThat(resetMails(registration.email()))
                .as("nothing mailed to the account")
                .isEmpty();
        HttpResponse<String> another = new Visitor(port).submit(reset, reset, Map.of("login", registration.email()));
        assertThat(another.statusCode()).isEqualTo(200);
        assertThat(resetMails(registration.email())).hasSize(1);
    }

    private List<JsonNode> resetMails(String address) {
        return Mailboxes.to(port, address).stream()
                .filter(mail -> mail.get("subjectLine").asString().contains("Reset your password"))
                .toList();
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        new Visitor(port)
                .submit(
                        "/s/omron-healthcare/account/reset",
                        "/s/omron-healthcare/account/reset",
                        Map.of("login", registration.email()));
        String link =
                Mailboxes.link(port, registration.email(), "Reset your password", "/s/omron-healthcare/account/reset/");

        clock.advance(Duration.ofMinutes(61));

        assertThat(new Visitor(port).get(link).statusCode()).isEqualTo(410);
    }

    /**
     * Omron's notice: "Simply go to Your Account, sign in, click "Email Address &amp; Password" and remove the check in
     * the box next to the words "Sign Up &amp; Save! …"". The account page had no such element; the catalog now names
     * the part of "My privacy" with the e-mail choices, and the page offers it under that name, with the password.
     */
    @Test
    void theEmailChoicesBearTheNameTheSitesNoticeTellsPeopleToClick() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        Visitor visitor = signedIn(OMRON, registration.email(), SeedForms.PASSWORD);

        String page = visitor.get("/s/omron-healthcare/account").body();

        assertThat(page)
                .contains("<a href=\"#preferences\">Email Address &amp; Password</a>")
                .contains("<h2 id=\"preferences\">Email Address &amp; Password</h2>");
        assertThat(Pages.element(page, "aria-labelledby=\"preferences\""))
                .contains("href=\"/s/omron-healthcare/account/reset\"")
                .contains("<label class=\"inline\" for=\"purpose-special-offers\">Sign Up &amp; Save! Send me email");
        assertThat(visitor.get("/s/omron-healthcare/account", "Accept-Language", "ja")
                        .body())
                .as("named as the notice names it, marked as English on a Japanese page")
                .contains("<a href=\"#preferences\" lang=\"en\">Email Address &amp; Password</a>");
        Filled olympus = SeedForms.olympusSoftwareDownload();
        register(olympus);
        assertThat(signedIn(OLYMPUS, olympus.email(), SeedForms.PASSWORD)
                        .get("/s/olympus-ims/account")
                        .body())
                .as("a site that names no such part keeps the page's own heading")
                .contains("<h2 id=\"preferences\">E-mail you receive</h2>")
                .doesNotContain("href=\"#preferences\"");
    }

    @Test
    void tickingAndUntickingMarketingBoxesRecordsConsentAndStopsOnlyMarketingMail() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = register(registration);
        Visitor visitor = signedIn(OMRON, registration.email(), SeedForms.PASSWORD);
        String page = visitor.get("/s/omron-healthcare/account").body();
        assertThat(Pages.element(page, "aria-labelledby=\"preferences\""))
                .contains(
                        "Sign Up &amp; Save! Send me email about special offers, Rollbacks, new items and other great values.")
                .doesNotContain("checked");
        assertThat(Pages.text(Pages.element(page, "aria-labelledby=\"preferences\"")))
                .as("the operational mail Omron's catalog declares, by its purpose")
                .contains("Operational e-mail may reach you too, whatever your choices: Operational e-mails to inform"
                        + " you of any changes to our site that might affect your personal information, or to announce"
                        + " product recalls");

        HttpResponse<String> saved = visitor.postForm(
                "/s/omron-healthcare/account/preferences",
                Map.of("_csrf", Console.csrf(page), "purpose", "special-offers"));
        assertThat(location(saved)).startsWith("/s/omron-healthcare/account");
        String after = visitor.get("/s/omron-healthcare/account").body();
        assertThat(after).containsPattern("id=\"purpose-special-offers\"[^>]*checked");
        ConsentEvent given = ledger.history(subject).get(0);
        assertThat(given)
                .extracting(ConsentEvent::purpose, e -> e.action().key(), ConsentEvent::method, ConsentEvent::activity)
                .containsExactly("special-offers", "given", "account-page", "marketing-email");
        assertThat(given.wordingSha256())
                .isEqualTo(
                        Sha256.hex(
                                "Sign Up & Save! Send me email about special offers, Rollbacks, new items and other great values."));
        assertThat(after).contains("href=\"" + given.receiptPath() + "\"");
        // special offers are double opt-in: they start once confirmed from the mailbox
        String confirmation = Mailboxes.link(
                port, registration.email(), "Please confirm your subscription", "/s/omron-healthcare/confirm/");
        assertThat(new Visitor(port)
                        .submit(confirmation, confirmation, Map.of())
                        .statusCode())
                .isEqualTo(200);
        UUID offer = mailer.queue(
                OutgoingMail.marketing(OMRON, subject, "special-offers", registration.email(), "Offers", "Rollbacks!"));
        assertThat(mailer.status(offer)).contains(MailStatus.QUEUED);

        visitor.postForm("/s/omron-healthcare/account/preferences", Map.of("_csrf", Console.csrf(after)));

        assertThat(ledger.history(subject))
                .extracting(ConsentEvent::purpose, e -> e.action().key())
                .containsExactly(
                        tuple("special-offers", "given"),
                        tuple("special-offers", "confirmed"),
                        tuple("special-offers", "withdrawn"));
        UUID stopped = mailer.queue(
                OutgoingMail.marketing(OMRON, subject, "special-offers", registration.email(), "Offers", "Rollbacks!"));
        UUID answer = mailer.queue(OutgoingMail.service(OMRON, subject, registration.email(), "Re: cuff", "Answer"));
        UUID recall = mailer.queue(OutgoingMail.operational(OMRON, subject, registration.email(), "Recall", "Recall"));
        assertThat(mailer.status(stopped)).contains(MailStatus.DROPPED);
        assertThat(mailer.status(answer)).contains(MailStatus.QUEUED);
        assertThat(mailer.status(recall)).contains(MailStatus.QUEUED);
    }

    @Test
    void boxesThatNeedADoubleOptInAskForConfirmationInOneEmail() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        SubjectId subject = register(registration);
        Visitor visitor = signedIn(OLYMPUS, registration.email(), SeedForms.PASSWORD);
        String page = visitor.get("/s/olympus-ims/account").body();
        assertThat(Pages.text(page))
                .as("Olympus declares no operational mail: no product recall promised (that is Omron's)")
                .contains("You will still receive answers to your own questions and requests.")
                .doesNotContain("product recall")
                .doesNotContain("Operational e-mail");

        visitor.postForm(
                "/s/olympus-ims/account/preferences",
                List.of(
                        Map.entry("_csrf", Console.csrf(page)),
                        Map.entry("purpose", "newsletter"),
                        Map.entry("purpose", "group-promotions")));

        List<JsonNode> mails = Mailboxes.to(port, registration.email()).stream()
                .filter(m -> m.get("subjectLine").asString().startsWith("Please confirm your subscription"))
                .toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("text").asString())
                .contains("Sending you our newsletter")
                .contains("Promotional e-mails from Olympus Group Entities");
        assertThat(Pages.text(visitor.get("/s/olympus-ims/account").body()))
                .contains("Waiting for you to confirm with the link we e-mailed you.");
        assertThat(ledger.history(subject))
                .extracting(ConsentEvent::purpose, e -> e.action().key())
                .contains(tuple("newsletter", "given"), tuple("group-promotions", "given"));
    }

    @Test
    void deletingTheAccountAsksForThePasswordThenErasesThePersonAndSignsThemOut() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        SubjectId subject = register(registration);
        Visitor visitor = signedIn(OLYMPUS, registration.fields().get("username"), SeedForms.PASSWORD);
        String page = visitor.get("/s/olympus-ims/account").body();

        HttpResponse<String> wrong = visitor.postForm(
                "/s/olympus-ims/account/delete", Map.of("_csrf", Console.csrf(page), "password", "not-my-password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .containsPattern("id=\"delete-password\"[^>]*aria-describedby=\"delete-password-error\"");
        assertThat(vault.exists(subject)).isTrue();

        HttpResponse<String> deleted = visitor.postForm(
                "/s/olympus-ims/account/delete",
                Map.of("_csrf", Console.csrf(wrong.body()), "password", SeedForms.PASSWORD));

        assertThat(location(deleted)).isEqualTo("/s/olympus-ims/account/deleted");
        assertThat(vault.exists(subject)).isFalse();
        assertThat(identities.carrying(Identifier.email(registration.email())).stream()
                        .findFirst())
                .isEmpty();
        assertThat(identities.carrying(Identifier.username(registration.fields().get("username"))).stream()
                        .findFirst())
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE subject_id = :s")
                        .param("s", subject.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(visitor.get("/s/olympus-ims/account").statusCode())
                .as("signed out")
                .isEqualTo(302);
        assertThat(signIn(new Visitor(port), OLYMPUS, registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void deletingTheAccountUnderALegalHoldEndsTheAccountButKeepsTheHeldRecordsAndSaysWhy() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        SubjectId subject = register(registration);
        HttpResponse<String> hold = new Http(port)
                .postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + subject + "\",\"reason\":\"Dispute 2026-114\",\"until\":\"2031-03-31\"}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        Visitor visitor = signedIn(OLYMPUS, registration.fields().get("username"), SeedForms.PASSWORD);
        String page = visitor.get("/s/olympus-ims/account").body();

        HttpResponse<String> deleted = visitor.postForm(
                "/s/olympus-ims/account/delete", Map.of("_csrf", Console.csrf(page), "password", SeedForms.PASSWORD));

        assertThat(location(deleted)).isEqualTo("/s/olympus-ims/account/deleted");
        assertThat(Pages.text(visitor.get("/s/olympus-ims/account/deleted").body()))
                .contains("We must keep the following for now")
                .contains("Dispute 2026-114 Kept through March 31, 2031.");
        assertThat(vault.exists(subject)).isTrue();
        assertThat(vault.records(subject)).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE subject_id = :s")
                        .param("s", subject.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(signIn(new Visitor(port), OLYMPUS, registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void aSignInHoldsOnItsOwnSiteOnlyAndPagesNeedOne() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        Visitor visitor = signedIn(OLYMPUS, registration.email(), SeedForms.PASSWORD);

        HttpResponse<String> elsewhere = visitor.get("/s/omron-healthcare/account");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(location(elsewhere)).startsWith("/s/omron-healthcare/account/login");
        HttpResponse<String> anonymous = new Visitor(port).get("/s/olympus-ims/account/downloads");
        assertThat(location(anonymous))
                .isEqualTo("/s/olympus-ims/account/login?continue=%2Fs%2Folympus-ims%2Faccount%2Fdownloads");
    }

    @Test
    void staffAndVisitorSignInsInOneBrowserStayApart() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        Visitor browser = new Visitor(port);
        HttpResponse<String> staff = browser.postForm(
                "/login",
                Map.of(
                        "username",
                        "admin",
                        "password",
                        StewardTest.ADMIN_PASSWORD,
                        "_csrf",
                        Console.csrf(browser.get("/login").body())));
        assertThat(location(staff)).endsWith("/admin");
        assertThat(browser.get("/s/olympus-ims/account").statusCode())
                .as("a staff sign-in is no visitor's")
                .isEqualTo(302);

        assertThat(signIn(browser, OLYMPUS, registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(302);

        assertThat(browser.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin").statusCode())
                .as("the staff sign-in is kept")
                .isEqualTo(200);
        assertThat(browser.get("/api/v1/admin/audit").statusCode())
                .as("a visitor's sign-in opens no staff API")
                .isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureBehindTls() {
        HttpResponse<String> plain = new Visitor(port).get("/s/olympus-ims/account/login");
        HttpResponse<String> tls = new Visitor(port).get("/s/olympus-ims/account/login", "X-Forwarded-Proto", "https");

        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(tls.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    private SubjectId register(Filled registration) {
        HttpResponse<String> answer = new Visitor(port).postJson(registration.apiPath(), registration.json());
        assertThat(answer.statusCode()).isEqualTo(201);
        Registrations.verify(port, registration.site(), registration.email());
        return SubjectId.parse(Json.read(answer.body()).get("subject").asString());
    }

    private Visitor signedIn(String site, String login, String password) {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> answer = signIn(visitor, site, login, password);
        assertThat(answer.statusCode()).as("signed in").isEqualTo(302);
        assertThat(location(answer)).isEqualTo("/s/" + site + "/account");
        return visitor;
    }

    private static HttpResponse<String> signIn(Visitor visitor, String site, String login, String password) {
        String path = "/s/" + site + "/account/login";
        return visitor.submit(path, path, Map.of("login", login, "password", password));
    }

    private static String location(HttpResponse<String> answer) {
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private java.time.Instant lastUsed(SubjectId subject) {
        return jdbc.sql("SELECT last_used_at FROM account WHERE subject_id = :s")
                .param("s", subject.value())
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
