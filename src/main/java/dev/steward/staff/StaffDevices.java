package dev.steward.staff;

import dev.steward.platform.DeviceCookies;
import dev.steward.platform.Sha256;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Device cookies for the console (OWASP, "Slow brute force"): a browser in which a member signed in gets a cookie naming
 * a row that names the member, and wrong passwords typed in it at sign-in count against that browser only; a lock that
 * strangers' guesses put on the member does not stop it ({@link StaffAccounts}). The cookie holds a random id of 256
 * bits, nothing personal; only its SHA-256 is stored, so the table read out opens nothing. WHY no MAC, unlike visitors'
 * device cookies: the vault holding the keys depends on this module, and a guessed id is as likely as a guessed key.
 * The cookie goes to the sign-in form only ({@code /login}), HttpOnly, SameSite=Strict and, behind TLS, Secure.
 */
@Component
class StaffDevices {

    static final String COOKIE = "steward-staff-device";
    static final Duration TRUSTED_FOR = Duration.ofDays(365);
    /** A member rarely uses more browsers than this; the oldest give way. */
    static final int KEPT_PER_MEMBER = 10;
    /** How long the browser link an administrator passes on with a password they set works. */
    static final Duration LINK_VALID = Duration.ofDays(7);
    /** The sign-in page's parameter that carries a browser link's id. */
    static final String LINK_PARAMETER = "browser";

    /** Longer than any cookie made here: a longer one is not looked up. */
    private static final int MAX_COOKIE = 64;

    private final StaffDeviceRepository devices;
    private final DeviceCookies cookies;
    private final BasicAttempts basic;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffDevices(StaffDeviceRepository devices, DeviceCookies cookies, BasicAttempts basic, Clock clock) {
        this.devices = devices;
        this.basic = basic;
        this.cookies = cookies;
        this.clock = clock;
    }

    /** The browser the request's cookie names, if Steward still knows it; whose it is, is for the caller to check. */
    Optional<StaffDevice> presented(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie == null ? Optional.empty() : known(cookie.getValue());
    }

    /** The browser a cookie's value (or a browser link's id) names, if Steward knows it. */
    Optional<StaffDevice> known(@Nullable String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_COOKIE) {
            return Optional.empty();
        }
        return devices.find(Sha256.hex(id));
    }

    /**
     * A browser the member has not used yet, trusted before they sign in there: its id goes into the link an
     * administrator passes on with a password they set ({@link #LINK_VALID}). WHY: a member who never signed in has no
     * browser to trust, so a stranger's wrong passwords kept them out of the console until they did (attack22). The
     * browser that takes the link is one like any trusted browser: strangers' guesses elsewhere do not lock it, wrong
     * passwords in it count against it alone (a leaked link buys one round of guesses), and its first sign-in replaces
     * it by a browser of its own, so the link works until then only.
     */
    String link(String username) {
        Instant now = clock.instant();
        String id = newId();
        devices.insert(Sha256.hex(id), username, now, now.plus(LINK_VALID), KEPT_PER_MEMBER);
        return id;
    }

    /**
     * The member signed in in this browser: it gets a new cookie, and the one it presented, if it was this member's,
     * ends (so a copy taken of it earlier ends too).
     */
    void remember(
            String username,
            Optional<StaffDevice> presented,
            HttpServletRequest request,
            HttpServletResponse response) {
        set(trust(username, presented), request, response);
    }

    /**
     * A browser the member proved their password in (a sign-in, or a change of their own password) is trusted: answers
     * its new cookie's value, for {@link #set}. The cookie it presented, if it was this member's, ends.
     */
    String trust(String username, Optional<StaffDevice> presented) {
        Instant now = clock.instant();
        presented
                .filter(device -> device.username().equals(username))
                .ifPresent(device -> devices.delete(device.idSha256()));
        String id = newId();
        devices.insert(Sha256.hex(id), username, now, now.plus(TRUSTED_FOR), KEPT_PER_MEMBER);
        return id;
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sets the cookie on the answer, for the sign-in form only. */
    void set(String value, HttpServletRequest request, HttpServletResponse response) {
        cookies.set(COOKIE, value, "/login", TRUSTED_FOR, request, response);
    }

    /** A new password ends the trust of every browser the old one signed in from, and HTTP Basic's refusals. */
    void forget(String username) {
        devices.forget(username);
        basic.forget(username);
    }

    /** Counts a wrong password typed in the browser, locking it (and so ending its trust) at the limit. */
    void wrongPassword(StaffDevice device, int lockAfter, Instant lockUntil) {
        devices.recordFailure(device.idSha256(), lockAfter, lockUntil);
    }
}
