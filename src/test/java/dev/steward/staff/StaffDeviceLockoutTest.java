package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.platform.Sha256;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stranger who knows a member's user name can lock the member out by typing wrong passwords at {@code /login}, but
 * not out of the browser the member signed in from before (device cookies, OWASP): there the member's wrong passwords
 * count alone, a copied cookie buys one round of guesses, and a new password ends every browser's trust. Every new
 * browser stays locked as before; the staff API's HTTP Basic is counted per source instead.
 */
@StewardTest
class StaffDeviceLockoutTest {

    private static final String COOKIE = StaffDevices.COOKIE;
    private static final String NEW_PASSWORD = "a-new-long-enough-secret";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangersWrongPasswordsLockEveryBrowserAndTheApiButTheOnesTheMemberSignedInFrom() {
        String someone = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Http own = new Http(port);
        Console.signIn(own, someone, StaffUsers.PASSWORD);
        String first = own.cookie(COOKIE, "/login").orElseThrow();
        Console.signIn(own, someone, StaffUsers.PASSWORD);
        String second = own.cookie(COOKIE, "/login").orElseThrow();
        assertThat(second).as("every sign-in replaces the cookie").isNotEqualTo(first);

        Http stranger = new Http(port);
        lockOut(stranger, someone);

        assertThat(Console.signInAnswer(stranger, someone, StaffUsers.PASSWORD))
                .as("the stranger, even with the right password, is locked")
                .endsWith("/login?error");
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("so is the member in a new browser")
                .endsWith("/login?error");
        assertThat(new Http(port)
                        .get("/api/v1/admin/staff", basicWithCookie(someone, second))
                        .statusCode())
                .as("HTTP Basic is judged by its source: the console's lock does not stop it")
                .isEqualTo(403);
        assertThat(Console.signInAnswer(withCookie(first), someone, StaffUsers.PASSWORD))
                .as("a cookie the browser had before its last sign-in is spent")
                .endsWith("/login?error");

        Console signedIn = Console.signIn(own, someone, StaffUsers.PASSWORD);
        assertThat(signedIn.get("/admin").statusCode())
                .as("the member's own browser signs in")
                .isEqualTo(200);
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("the member's sign-in does not lift the stranger's lock")
                .endsWith("/login?error");
        assertThat(Console.signInAnswer(own, someone, "a-typo-in-own-browser"))
                .as("the member's own typo is a wrong password, answered as an unknown name is")
                .isEqualTo(Console.signInAnswer(own, "nobody-" + someone, "a-typo-in-own-browser"))
                .endsWith("/login?error");
        assertThat(failures(someone))
                .as("it counted against the browser, not the member")
                .isEqualTo(5);

        clock.advance(Duration.ofMinutes(16));
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("the lock ends as before")
                .endsWith("/admin");
    }

    /**
     * L4: a program has no browser to trust, so on main a stranger's five wrong passwords over HTTP Basic locked the
     * member: their scripts, and the console in every browser of a member who never signed in (one whose password an
     * administrator set). Now Basic counts per source: the stranger's own source is refused, the member is not locked,
     * and only many sources together (fifty wrong passwords within the window) refuse the member's Basic, never their
     * console.
     */
    @Test
    void aStrangersWrongBasicPasswordsRefuseTheStrangersSourceNotTheMember() {
        String someone = StaffUsers.add(port, "ADMIN", null);
        Http http = new Http(port);
        String[] strangers = from("203.0.113.9", Http.basic(someone, "stranger-guess"));
        for (int attempt = 0; attempt < StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            assertThat(http.get("/api/v1/admin/staff", strangers).statusCode()).isEqualTo(401);
        }
        assertThat(http.get("/api/v1/admin/staff", from("203.0.113.9", Http.basic(someone, StaffUsers.PASSWORD)))
                        .statusCode())
                .as("the stranger's source is refused, even with the right password")
                .isEqualTo(401);
        assertThat(failures(someone)).as("nothing counted against the member").isZero();
        assertThat(http.get("/api/v1/admin/staff", from("198.51.100.7", Http.basic(someone, StaffUsers.PASSWORD)))
                        .statusCode())
                .as("the member's script works")
                .isEqualTo(200);
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("and so does the member's first sign-in, in a browser never trusted")
                .endsWith("/admin");

        for (int source = 1; source <= BasicAttempts.PER_MEMBER / BasicAttempts.PER_SOURCE; source++) {
            for (int attempt = 0; attempt < BasicAttempts.PER_SOURCE; attempt++) {
                http.get("/api/v1/admin/staff", from("203.0.113." + (10 + source), Http.basic(someone, "guess")));
            }
        }
        assertThat(http.get("/api/v1/admin/staff", from("198.51.100.8", Http.basic(someone, StaffUsers.PASSWORD)))
                        .statusCode())
                .as("many sources together are bounded too: the member's Basic is refused for a while")
                .isEqualTo(401);
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("never the member's console")
                .endsWith("/admin");
        clock.advance(BasicAttempts.WINDOW.plusMinutes(1));
        assertThat(http.get("/api/v1/admin/staff", from("203.0.113.9", Http.basic(someone, StaffUsers.PASSWORD)))
                        .statusCode())
                .as("the refusals end with the window")
                .isEqualTo(200);
    }

    /** The headers of a request that a trusted proxy passes on from this address. */
    private static String[] from(String address, String[] headers) {
        return new String[] {headers[0], headers[1], "X-Forwarded-For", address};
    }

    @Test
    void aCopiedCookieBuysOneRoundOfGuessesAndHelpsNoOtherMember() {
        String someone = StaffUsers.add(port, "AUDITOR", null);
        Http own = new Http(port);
        Console.signIn(own, someone, StaffUsers.PASSWORD);
        Http thief = withCookie(own.cookie(COOKIE, "/login").orElseThrow());

        for (int attempt = 1; attempt <= StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            assertThat(Console.signInAnswer(thief, someone, "guess-" + attempt)).endsWith("/login?error");
        }
        assertThat(Console.signInAnswer(thief, someone, StaffUsers.PASSWORD))
                .as("the copy is locked")
                .endsWith("/login?error");
        assertThat(failures(someone))
                .as("the guesses did not count against the member")
                .isZero();
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("nor lock them")
                .endsWith("/admin");
        clock.advance(Duration.ofMinutes(16));
        Console.signInAnswer(thief, someone, "guess-6");
        assertThat(failures(someone))
                .as("after its lock the copy is a stranger's browser: it counts against the member")
                .isEqualTo(1);

        String other = StaffUsers.add(port, "AUDITOR", null);
        Http othersBrowser = new Http(port);
        Console.signIn(othersBrowser, other, StaffUsers.PASSWORD);
        lockOut(new Http(port), someone);
        assertThat(Console.signInAnswer(othersBrowser, someone, StaffUsers.PASSWORD))
                .as("another member's browser does not speak for this one")
                .endsWith("/login?error");
        assertThat(Console.signInAnswer(othersBrowser, other, StaffUsers.PASSWORD))
                .as("while it goes on speaking for its own member")
                .endsWith("/admin");
    }

    @Test
    void aNewPasswordEndsTheTrustOfEveryBrowserAndADisabledMembersBrowserSignsNobodyIn() {
        String someone = StaffUsers.add(port, "AUDITOR", null);
        Http own = new Http(port);
        Console.signIn(own, someone, StaffUsers.PASSWORD);
        lockOut(new Http(port), someone);
        Console.signIn(own, someone, StaffUsers.PASSWORD);

        assertThat(new Http(port)
                        .patchJson(
                                "/api/v1/admin/staff/" + someone,
                                "{\"password\":\"%s\"}".formatted(NEW_PASSWORD),
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(devices(someone))
                .as("the administrator's new password forgot the browsers: the one known is its browser link")
                .isOne();
        sessionEnded(own);
        lockOut(new Http(port), someone);
        assertThat(Console.signInAnswer(own, someone, NEW_PASSWORD))
                .as("the browser the old password signed in from is locked like any other")
                .endsWith("/login?error");

        clock.advance(Duration.ofMinutes(16));
        Console console = Console.signIn(own, someone, NEW_PASSWORD);
        console.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", NEW_PASSWORD, "password", StaffUsers.PASSWORD, "repeated", StaffUsers.PASSWORD));
        assertThat(devices(someone))
                .as("so did the member's own, but for the browser it was changed in")
                .isOne();
        lockOut(new Http(port), someone);
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .endsWith("/login?error");
        // attack20: a stranger who went on guessing locked the member again the moment the change lifted the lock,
        // and no browser was trusted any more, the one the member had just proved their password in included
        assertThat(Console.signInAnswer(own, someone, StaffUsers.PASSWORD))
                .as("the browser the member changed their password in signs in despite the stranger")
                .endsWith("/admin");

        clock.advance(Duration.ofMinutes(16));
        Console.signIn(own, someone, StaffUsers.PASSWORD);
        new Http(port)
                .patchJson(
                        "/api/v1/admin/staff/" + someone,
                        "{\"disabled\":true}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        sessionEnded(own);
        assertThat(devices(someone)).as("the browser is still known").isEqualTo(1);
        assertThat(Console.signInAnswer(own, someone, StaffUsers.PASSWORD))
                .as("a disabled member cannot sign in, not even in their own browser")
                .endsWith("/login?error");
    }

    @Test
    void theDeviceCookieNamesNoOneAndIsHttpOnlySameSiteForTheSignInFormOnlyAndSecureBehindTls() {
        String someone = StaffUsers.add(port, "AUDITOR", null);
        Http plain = new Http(port);
        HttpResponse<String> signedIn = Console.attempt(plain, someone, StaffUsers.PASSWORD);
        Http behindTls = new Http(port);
        HttpResponse<String> form = behindTls.get("/login", "X-Forwarded-Proto", "https");
        String session = form.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        // the jar sends no Secure cookie over plain http (it cannot see the proxy's TLS): the session goes by hand
        HttpResponse<String> tls = behindTls.postForm(
                "/login",
                Map.of("username", someone, "password", StaffUsers.PASSWORD, "_csrf", Console.csrf(form.body())),
                "X-Forwarded-Proto",
                "https",
                "Cookie",
                session);

        String cookie = deviceCookie(signedIn);
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/login")
                .doesNotContain("Secure")
                .doesNotContain(someone);
        assertThat(deviceCookie(tls)).contains("Secure");
        String id = cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_device WHERE id_sha256 = :id AND username = :u")
                        .param("id", Sha256.hex(id))
                        .param("u", someone)
                        .query(Long.class)
                        .single())
                .as("only the id's hash is stored")
                .isEqualTo(1);

        for (int browser = 0; browser < StaffDevices.KEPT_PER_MEMBER + 1; browser++) {
            Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD);
        }
        assertThat(devices(someone)).as("the newest browsers only").isEqualTo(StaffDevices.KEPT_PER_MEMBER);
    }

    /**
     * attack22 (L4's rest): a member whose password an administrator set had no browser to trust until they signed in,
     * so a stranger who knew the user name kept them out of the console with five wrong passwords every 15 minutes.
     * The administrator now passes on a browser link with the password: opening it changes nothing, its button trusts
     * the browser for that member, and there the member signs in whatever strangers typed elsewhere; the link ends with
     * that sign-in, and a made-up or spent one trusts nothing.
     */
    @Test
    void aMemberWhoNeverSignedInSignsInThroughTheLinkPassedOnWithThePasswordWhileAStrangerLocksThem() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String someone = "linked-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = admin.submit(
                "/admin/staff",
                "/admin/staff",
                java.util.List.of(
                        Map.entry("username", someone),
                        Map.entry("password", StaffUsers.PASSWORD),
                        Map.entry("roles", "SUPPORT_AGENT")));
        assertThat(added.statusCode()).isEqualTo(302);
        String link = Http.group(admin.get("/admin/staff").body(), "/login\\?browser=([\\w-]+)");

        lockOut(new Http(port), someone);
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("a browser without the link is locked")
                .endsWith("/login?error");

        Http member = new Http(port);
        HttpResponse<String> opened = member.get("/login?browser=" + link);
        assertThat(opened.body()).contains(someone).contains("Trust this browser");
        assertThat(opened.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(member.cookie(COOKIE, "/login"))
                .as("opening the link changes nothing")
                .isEmpty();
        HttpResponse<String> taken =
                member.postForm("/login/browser", Map.of("browser", link, "_csrf", Console.csrf(opened.body())));
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/login?trusted");
        assertThat(Console.signInAnswer(member, someone, StaffUsers.PASSWORD))
                .as("the member signs in despite the stranger")
                .endsWith("/admin");
        assertThat(failures(someone)).as("and the stranger's lock stays").isEqualTo(5);

        Http late = new Http(port);
        HttpResponse<String> spent = late.get("/login?browser=" + link);
        assertThat(spent.body()).contains("does not work any more").doesNotContain(someone);
        assertThat(late.postForm("/login/browser", Map.of("browser", link, "_csrf", Console.csrf(spent.body())))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("the link ended with the member's sign-in")
                .endsWith("/login?browser=spent");
        assertThat(late.cookie(COOKIE, "/login")).isEmpty();
        assertThat(Console.signInAnswer(late, someone, StaffUsers.PASSWORD)).endsWith("/login?error");

        HttpResponse<String> reset = new Http(port)
                .patchJson(
                        "/api/v1/admin/staff/" + someone,
                        "{\"password\":\"%s\"}".formatted(NEW_PASSWORD),
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(reset.body())
                .as("the API answers a new password with its link")
                .contains("/login?browser=");
        assertThat(new Http(port)
                        .get("/api/v1/admin/staff", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .as("a list shows no link")
                .doesNotContain("signInLink");
    }

    /** Whoever else gets hold of a link gets one round of guesses in it, as with a copied cookie, then nothing. */
    @Test
    void aLinkInAStrangersHandsBuysOneRoundOfGuesses() {
        String someone = "linked-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = new Http(port)
                .postJson(
                        "/api/v1/admin/staff",
                        "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"AUDITOR\"]}"
                                .formatted(someone, StaffUsers.PASSWORD),
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String link = Http.group(added.body(), "/login\\?browser=([\\w-]+)");
        Http thief = new Http(port);
        HttpResponse<String> opened = thief.get("/login?browser=" + link);
        thief.postForm("/login/browser", Map.of("browser", link, "_csrf", Console.csrf(opened.body())));

        lockOut(thief, someone);
        assertThat(failures(someone))
                .as("the guesses counted against the link's browser")
                .isZero();
        assertThat(Console.signInAnswer(thief, someone, StaffUsers.PASSWORD))
                .as("which is locked now")
                .endsWith("/login?error");
        assertThat(Console.signInAnswer(new Http(port), someone, StaffUsers.PASSWORD))
                .as("and the member was not locked by them")
                .endsWith("/admin");
    }

    private void lockOut(Http stranger, String username) {
        for (int attempt = 0; attempt < StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            assertThat(Console.signInAnswer(stranger, username, "stranger-" + attempt))
                    .endsWith("/login?error");
        }
    }

    /** Waits until the change has ended the browser's console session, as it does on every node. */
    private static void sessionEnded(Http browser) {
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.get("/admin").statusCode() == 302);
    }

    private Http withCookie(String value) {
        Http browser = new Http(port);
        browser.plant(COOKIE, value, "/login");
        return browser;
    }

    private static String[] basicWithCookie(String username, String cookie) {
        String[] basic = Http.basic(username, StaffUsers.PASSWORD);
        return new String[] {basic[0], basic[1], "Cookie", COOKIE + "=" + cookie};
    }

    private static String deviceCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(COOKIE + "="))
                .findFirst()
                .orElseThrow();
    }

    private int failures(String username) {
        return jdbc.sql("SELECT failed_attempts FROM staff_user WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    private long devices(String username) {
        return jdbc.sql("SELECT count(*) FROM staff_device WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
