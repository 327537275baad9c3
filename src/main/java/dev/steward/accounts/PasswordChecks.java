package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an account's password wherever it is typed (sign-in, a sensitive action, verifying the address): a locked
 * account refuses even the right one, and every wrong one counts towards the site's lockout.
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
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PasswordChecks(AccountRepository accounts, Catalogs catalogs, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.clock = clock;
    }

    Checked check(Account account, String password) {
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return new Checked(Verdict.LOCKED, account.lockedUntil());
        }
        if (passwords.matches(password, account.passwordHash())) {
            return new Checked(Verdict.RIGHT, null);
        }
        AccountPolicy policy = AccountPolicy.of(catalogs.requireSite(account.site()));
        Instant until = policy.lockoutFor().addTo(now);
        accounts.recordFailure(account.site(), account.subject(), policy.lockoutAfterFailures(), until);
        boolean nowLocked = account.failedAttempts() + 1 >= policy.lockoutAfterFailures();
        return nowLocked ? new Checked(Verdict.LOCKED, until) : new Checked(Verdict.WRONG, null);
    }
}
