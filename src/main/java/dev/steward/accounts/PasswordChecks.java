package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an account's password wherever it is typed (sign-in, a sensitive action, verifying the address): a locked
 * account refuses even the right one, and every wrong one counts towards the site's lockout. Typed in a browser the
 * account signed in from ({@link AccountDevices}), the password is counted and locked for that browser alone: the
 * account's lock, which any stranger who knows the login can set off, does not stop its owner there.
 */
@Component
class PasswordChecks {

    enum Verdict {
        RIGHT,
        WRONG,
        LOCKED
    }

    record Checked(Verdict verdict, @Nullable Instant lockedUntil) {}

    private final AccountRepository accounts;
    private final AccountDeviceRepository devices;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PasswordChecks(
            AccountRepository accounts,
            AccountDeviceRepository devices,
            Catalogs catalogs,
            PasswordEncoder passwords,
            Clock clock) {
        this.accounts = accounts;
        this.devices = devices;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** In a browser nobody signed in to the account from, as when its address is verified. */
    Checked check(Account account, String password) {
        return check(account, password, null);
    }

    /** In the given browser, which counts only if the account signed in from it ({@link AccountDevice#speaksFor}). */
    Checked check(Account account, String password, @Nullable AccountDevice browser) {
        Instant now = clock.instant();
        AccountDevice device = browser != null && browser.speaksFor(account, now) ? browser : null;
        if (device != null ? device.trust().lockedAt(now) : account.lockedAt(now)) {
            return new Checked(Verdict.LOCKED, device != null ? device.trust().lockedUntil() : account.lockedUntil());
        }
        if (passwords.matches(password, account.passwordHash())) {
            if (device != null) {
                devices.recordSuccess(device.idSha256());
            }
            return new Checked(Verdict.RIGHT, null);
        }
        AccountPolicy policy = AccountPolicy.of(catalogs.requireSite(account.site()));
        Instant until = policy.lockoutFor().addTo(now);
        boolean nowLocked;
        if (device != null) {
            nowLocked = devices.recordFailure(device.idSha256(), policy.lockoutAfterFailures(), until);
        } else {
            accounts.recordFailure(account.site(), account.subject(), policy.lockoutAfterFailures(), until);
            nowLocked = account.failedAttempts() + 1 >= policy.lockoutAfterFailures();
        }
        return nowLocked ? new Checked(Verdict.LOCKED, until) : new Checked(Verdict.WRONG, null);
    }
}
