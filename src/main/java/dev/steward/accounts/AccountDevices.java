package dev.steward.accounts;

import dev.steward.platform.DeviceCookies;
import dev.steward.platform.Sha256;
import dev.steward.vault.Pseudonyms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Device cookies (OWASP, "Slow brute force"): a browser in which an account signed in gets a cookie naming a row that
 * names the account, and wrong passwords typed in it count against that browser only; a lock that strangers' guesses
 * put on the account does not stop it. The cookie holds a random id and a MAC of it and the site under one of
 * Steward's own keys, nothing personal; it is sent to that site's account pages only, HttpOnly, SameSite=Strict and,
 * behind TLS, Secure. Only the id's SHA-256 is stored, so the table read out opens no account.
 */
@Component
class AccountDevices {

    static final String COOKIE = "steward-account-device";
    static final Duration TRUSTED_FOR = Duration.ofDays(365);
    /** A person rarely uses more browsers than this; the oldest give way. */
    static final int KEPT_PER_ACCOUNT = 10;

    private static final String DOMAIN = "account-device-cookie";
    private static final int MAC_BYTES = 16;

    private final AccountDeviceRepository devices;
    private final AccountLinks random;
    private final Pseudonyms macs;
    private final DeviceCookies cookies;
    private final Clock clock;

    AccountDevices(
            AccountDeviceRepository devices, AccountLinks random, Pseudonyms macs, DeviceCookies cookies, Clock clock) {
        this.devices = devices;
        this.random = random;
        this.macs = macs;
        this.cookies = cookies;
        this.clock = clock;
    }

    /**
     * The browser the cookie names, if the cookie was made for this site by Steward and the browser still counts. A
     * value without a valid MAC is not looked up: a forged or another site's cookie costs no query.
     */
    Optional<AccountDevice> presented(String site, @Nullable String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0 || !MessageDigest.isEqual(bytes(cookie.substring(dot + 1)), mac(site, cookie.substring(0, dot)))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return devices.find(Sha256.hex(cookie.substring(0, dot)))
                .filter(device -> device.site().equals(site) && device.trust().countsAt(now));
    }

    /**
     * The account signed in here: a new cookie, and the one presented, if it was this account's, ends (so a copy
     * taken of it earlier ends too). Answers the new cookie's value.
     */
    String remember(Account account, Optional<AccountDevice> presented) {
        Instant now = clock.instant();
        presented
                .filter(device -> device.subject().equals(account.subject()))
                .ifPresent(device -> devices.delete(device.idSha256()));
        String id = random.token();
        devices.insert(Sha256.hex(id), account.site(), account.subject(), now, now.plus(TRUSTED_FOR), KEPT_PER_ACCOUNT);
        return id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(account.site(), id));
    }

    /**
     * The account's password was reset in this browser: no browser the old one signed in from is trusted any more, this
     * one is, by the new cookie answered. WHY this one: the reset proved the mailbox and set the password here, no less
     * than a sign-in proves; without it a stranger who keeps guessing would lock the owner out again the moment the
     * reset lifted the lock, before they could sign in.
     */
    String newPassword(Account account) {
        devices.forget(account.site(), account.subject());
        return remember(account, Optional.empty());
    }

    /** Sets the cookie on the answer, for the site's account pages only. */
    void set(String site, String value, HttpServletRequest request, HttpServletResponse response) {
        cookies.set(COOKIE, value, "/s/" + site + "/account", TRUSTED_FOR, request, response);
    }

    private byte[] mac(String site, String id) {
        return Arrays.copyOf(macs.of(DOMAIN, site + "\n" + id), MAC_BYTES);
    }

    private static byte[] bytes(String base64) {
        try {
            return Base64.getUrlDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
