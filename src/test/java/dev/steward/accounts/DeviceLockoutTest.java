package dev.steward.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Sha256;
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
import dev.steward.vault.SubjectId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stranger who knows someone's login can lock the account by typing wrong passwords, but not against its owner's
 * own browser (device cookies, OWASP): there the owner's wrong passwords count alone, a copied cookie buys one round
 * of guesses, and a new password ends every browser's trust.
 */
@StewardTest
class DeviceLockoutTest {

    private static final String OLYMPUS = SeedForms.OLYMPUS;
    private static final String OMRON = SeedForms.OMRON;
    private static final String COOKIE = AccountDevices.COOKIE;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangersWrongPasswordsLockEveryBrowserButTheOnesTheOwnerSignedInFrom() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        String login = registration.fields().get("username");
        Visitor owner = new Visitor(port);
        assertThat(signIn(owner, OLYMPUS, login, SeedForms.PASSWORD).statusCode())
                .isEqualTo(302);

        Visitor stranger = new Visitor(port);
        assertThat(Pages.text(signIn(stranger, OLYMPUS, login, "stranger-1").body()))
                .as("a wrong password and an unknown login get the same answer")
                .isEqualTo(Pages.text(signIn(stranger, OLYMPUS, SeedForms.unique("nobody"), "stranger")
                                .body())
                        .replace("nobody", "x"));
        lockOut(OLYMPUS, login);

        assertThat(Pages.text(signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD)
                        .body()))
                .as("the stranger, and the owner in a new browser, stay locked")
                .contains("this account is locked until");
        HttpResponse<String> ownBrowser = signIn(owner, OLYMPUS, login, SeedForms.PASSWORD);
        assertThat(ownBrowser.statusCode()).as("the owner's browser signs in").isEqualTo(302);
        assertThat(owner.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);
        assertThat(Pages.text(signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD)
                        .body()))
                .as("the owner's sign-in does not lift the strangers' lock")
                .contains("this account is locked until");

        HttpResponse<String> typo = signIn(owner, OLYMPUS, login, "wrong-in-own-browser");
        HttpResponse<String> unknown = signIn(owner, OLYMPUS, SeedForms.unique("nobody"), "wrong-in-own-browser");
        assertThat(Pages.textOf(typo.body(), "id=\"error-summary\""))
                .as("the owner's own typo is a wrong password, not a lock, answered as an unknown login is")
                .isEqualTo(Pages.textOf(unknown.body(), "id=\"error-summary\""))
                .contains("is not right");
        assertThat(typo.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(422);
        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD).statusCode())
                .as("the lock ends as before")
                .isEqualTo(302);
    }

    @Test
    void theDeviceCookieNamesNoOneAndIsHttpOnlySameSiteForTheSitesAccountPagesAndSecureBehindTls() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = register(registration);
        HttpResponse<String> plain = signIn(new Visitor(port), OMRON, registration.email(), SeedForms.PASSWORD);
        Visitor behindTls = new Visitor(port);
        String path = "/s/omron-healthcare/account/login";
        HttpResponse<String> form = behindTls.get(path, "X-Forwarded-Proto", "https");
        String session = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Map<String, String> fields = Map.of(
                "login", registration.email(), "password", SeedForms.PASSWORD, "_csrf", Console.csrf(form.body()));
        // the jar sends no Secure cookie over plain http (it cannot see the proxy's TLS): the session goes by hand
        HttpResponse<String> tls = behindTls.postForm(path, fields, "X-Forwarded-Proto", "https", "Cookie", session);

        String cookie = deviceCookie(plain);
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/s/omron-healthcare/account")
                .doesNotContain("Secure")
                .doesNotContain(registration.email())
                .doesNotContain(subject.toString());
        assertThat(deviceCookie(tls)).contains("Secure");
        assertThat(jdbc.sql("SELECT count(*) FROM account_device WHERE id_sha256 = :id")
                        .param("id", Sha256.hex(value(cookie).split("\\.")[0]))
                        .query(Long.class)
                        .single())
                .as("only the id's hash is stored")
                .isEqualTo(1);
    }

    @Test
    void aCopiedCookieBuysOneRoundOfGuessesAndWorksForNoOtherAccountOrSite() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        SubjectId subject = register(registration);
        String login = registration.fields().get("username");
        Visitor owner = new Visitor(port);
        signIn(owner, OLYMPUS, login, SeedForms.PASSWORD);
        String value = owner.cookie(COOKIE, "/s/olympus-ims/account/login").orElseThrow();

        Visitor thief = new Visitor(port);
        thief.plant(COOKIE, value, "/s/olympus-ims/account");
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(Pages.text(
                            signIn(thief, OLYMPUS, login, "guess-" + attempt).body()))
                    .contains("is not right");
        }
        assertThat(Pages.text(signIn(thief, OLYMPUS, login, "guess-5").body())).contains("Too many wrong passwords");
        assertThat(Pages.text(signIn(thief, OLYMPUS, login, SeedForms.PASSWORD).body()))
                .as("the copy is locked")
                .contains("this account is locked until");
        assertThat(signIn(new Visitor(port), OLYMPUS, login, SeedForms.PASSWORD).statusCode())
                .as("guesses with the copy did not lock the account")
                .isEqualTo(302);
        clock.advance(Duration.ofMinutes(16));
        signIn(thief, OLYMPUS, login, "guess-6");
        assertThat(accountFailures(subject))
                .as("after its lock the copy is a stranger's browser: it counts against the account")
                .isEqualTo(1);

        Filled other = SeedForms.olympusSoftwareDownload();
        SubjectId otherSubject = register(other);
        String otherLogin = other.fields().get("username");
        Visitor stranger = new Visitor(port);
        signIn(stranger, OLYMPUS, otherLogin, SeedForms.PASSWORD);
        lockOut(OLYMPUS, login);
        String strangersOwn =
                stranger.cookie(COOKIE, "/s/olympus-ims/account/login").orElseThrow();
        assertThat(Pages.text(
                        signIn(stranger, OLYMPUS, login, SeedForms.PASSWORD).body()))
                .as("a cookie of another account of the site")
                .contains("this account is locked until");
        Visitor elsewhere = new Visitor(port);
        elsewhere.plant(COOKIE, strangersOwn, "/s/omron-healthcare/account");
        Filled omron = SeedForms.omronAccount();
        register(omron);
        lockOut(OMRON, omron.email());
        assertThat(Pages.text(signIn(elsewhere, OMRON, omron.email(), SeedForms.PASSWORD)
                        .body()))
                .as("a cookie of another site")
                .contains("this account is locked until");
        Visitor forger = new Visitor(port);
        forger.plant(COOKIE, strangersOwn.substring(0, strangersOwn.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA", "/");
        assertThat(signIn(forger, OLYMPUS, otherLogin, "wrong-1").statusCode())
                .as("a forged MAC is a stranger's browser")
                .isEqualTo(422);
        assertThat(accountFailures(otherSubject)).isEqualTo(1);
    }

    @Test
    void wrongPasswordsTypedToConfirmAnActionCountAgainstTheSignedInBrowserAndAStrangersLockDoesNotStopIt() {
        Filled registration = SeedForms.olympusSoftwareDownload();
        register(registration);
        String login = registration.fields().get("username");
        Visitor owner = new Visitor(port);
        signIn(owner, OLYMPUS, login, SeedForms.PASSWORD);
        clock.advance(Duration.ofMinutes(31));
        lockOut(OLYMPUS, login);

        String page = owner.get("/s/olympus-ims/account/password").body();
        HttpResponse<String> wrong = owner.postForm(
                "/s/olympus-ims/account/password", Map.of("_csrf", Console.csrf(page), "password", "not-it"));
        assertThat(Pages.text(wrong.body())).contains("is not right");
        assertThat(jdbc.sql("SELECT failed_attempts FROM account_device WHERE id_sha256 = :id")
                        .param(
                                "id",
                                Sha256.hex(owner.cookie(COOKIE, "/s/olympus-ims/account/")
                                        .orElseThrow()
                                        .split("\\.")[0]))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        HttpResponse<String> right = owner.postForm(
                "/s/olympus-ims/account/password",
                Map.of("_csrf", Console.csrf(wrong.body()), "password", SeedForms.PASSWORD));
        assertThat(right.statusCode())
                .as("confirmed despite the strangers' lock")
                .isEqualTo(302);
        assertThat(owner.get("/s/olympus-ims/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheTrustOfEveryBrowserAndLiftsTheLockAndDeletionForgetsThem() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = register(registration);
        Visitor owner = new Visitor(port);
        signIn(owner, OMRON, registration.email(), SeedForms.PASSWORD);
        lockOut(OMRON, registration.email());

        String newPassword = "canarytoken-new-password";
        Registrations.resetPassword(port, OMRON, registration.email(), newPassword);
        assertThat(devices(subject)).as("but the browser it was reset in").isOne();
        assertThat(signIn(new Visitor(port), OMRON, registration.email(), newPassword)
                        .statusCode())
                .as("the reset lifted the lock")
                .isEqualTo(302);
        lockOut(OMRON, registration.email());
        assertThat(Pages.text(
                        signIn(owner, OMRON, registration.email(), newPassword).body()))
                .as("the browser of the old password is trusted no more")
                .contains("this account is locked until");

        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(owner, OMRON, registration.email(), newPassword).statusCode())
                .isEqualTo(302);
        assertThat(devices(subject))
                .as("the browser of the reset and the two signed in since")
                .isEqualTo(3);
        String page = owner.get("/s/omron-healthcare/account").body();
        owner.postForm(
                "/s/omron-healthcare/account/delete", Map.of("_csrf", Console.csrf(page), "password", newPassword));
        assertThat(devices(subject))
                .as("deleting the account forgets its browsers")
                .isZero();
    }

    /**
     * attack20: a reset, the owner's way out of a stranger's lock, lifted the lock and forgot every browser, so a
     * stranger who went on guessing locked the owner out again before they could sign in with the new password. The
     * browser the reset was made in is trusted now, as after a sign-in.
     */
    @Test
    void theBrowserAPasswordIsResetInSignsInThoughAStrangerLocksTheAccountAgainRightAfter() {
        Filled registration = SeedForms.omronAccount();
        SubjectId subject = register(registration);
        lockOut(OMRON, registration.email());
        Visitor owner = new Visitor(port);
        String reset = "/s/" + OMRON + "/account/reset";
        owner.submit(reset, reset, Map.of("login", registration.email()));
        String link = Mailboxes.link(port, registration.email(), "Reset your password", reset + "/");
        String newPassword = "canarytoken-reset-password";
        HttpResponse<String> done = owner.submit(link, link, Map.of("password", newPassword));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(deviceCookie(done)).contains("HttpOnly").contains("Path=/s/omron-healthcare/account");

        lockOut(OMRON, registration.email());
        assertThat(Pages.text(signIn(new Visitor(port), OMRON, registration.email(), newPassword)
                        .body()))
                .as("every other browser is locked again")
                .contains("this account is locked until");
        assertThat(signIn(owner, OMRON, registration.email(), newPassword).statusCode())
                .as("the owner's, where the reset was made, is not")
                .isEqualTo(302);
        assertThat(devices(subject)).isOne();
    }

    /**
     * attack20: a reset forgot the browsers' device cookies but signed none of them out, so someone who had signed in
     * with the old password kept the account page (and, within the re-authentication period, the data and the privacy
     * center's requests without further proof). A sign-in from before the reset ends with it.
     */
    @Test
    void aResetSignsOutWhoeverSignedInWithTheOldPassword() {
        Filled registration = SeedForms.omronAccount();
        register(registration);
        Visitor thief = new Visitor(port);
        assertThat(signIn(thief, OMRON, registration.email(), SeedForms.PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        assertThat(thief.get("/s/omron-healthcare/account").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        String newPassword = "canarytoken-after-theft";
        Registrations.resetPassword(port, OMRON, registration.email(), newPassword);

        HttpResponse<String> after = thief.get("/s/omron-healthcare/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/s/omron-healthcare/account/login"));
        Visitor owner = new Visitor(port);
        assertThat(signIn(owner, OMRON, registration.email(), newPassword).statusCode())
                .isEqualTo(302);
        assertThat(owner.get("/s/omron-healthcare/account").statusCode())
                .as("a sign-in at the instant of the reset, or after it, stands")
                .isEqualTo(200);
    }

    /** A stranger's five wrong passwords, from a browser without a cookie. */
    private void lockOut(String site, String login) {
        Visitor stranger = new Visitor(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn(stranger, site, login, "stranger-" + attempt).statusCode())
                    .isEqualTo(422);
        }
    }

    private int accountFailures(SubjectId subject) {
        return jdbc.sql("SELECT failed_attempts FROM account WHERE subject_id = :s")
                .param("s", subject.value())
                .query(Integer.class)
                .single();
    }

    private long devices(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM account_device WHERE subject_id = :s")
                .param("s", subject.value())
                .query(Long.class)
                .single();
    }

    private SubjectId register(Filled registration) {
        HttpResponse<String> answer = new Visitor(port).postJson(registration.apiPath(), registration.json());
        assertThat(answer.statusCode()).isEqualTo(201);
        Registrations.verify(port, registration.site(), registration.email());
        return SubjectId.parse(Json.read(answer.body()).get("subject").asString());
    }

    private static HttpResponse<String> signIn(Visitor visitor, String site, String login, String password) {
        String path = "/s/" + site + "/account/login";
        return visitor.submit(path, path, Map.of("login", login, "password", password));
    }

    private static String deviceCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(COOKIE + "="))
                .findFirst()
                .orElseThrow();
    }

    private static String value(String setCookie) {
        return setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
    }
}
