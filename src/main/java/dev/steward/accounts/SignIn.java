package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a visitor's password: at sign-in (with a user name or an e-mail address), and again before sensitive actions.
 * Every wrong password counts towards the site's lockout, wherever it was typed. An unknown login costs as much time
 * as a known one, so timing does not tell who has an account.
 */
@Service
class SignIn {

    enum Outcome {
        SIGNED_IN,
        WRONG,
        LOCKED,
        AWAITING_PARENT
    }

    record Result(
            Outcome outcome,
            @Nullable SubjectId subject,
            @Nullable Instant lockedUntil) {

        static Result wrong() {
            return new Result(Outcome.WRONG, null, null);
        }
    }

    private final AccountRepository accounts;
    private final Vault vault;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String decoy;

    SignIn(
            AccountRepository accounts,
            Vault vault,
            Catalogs catalogs,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.vault = vault;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.decoy = passwords.encode("a password no account has");
    }

    @Transactional
    Result signIn(String site, String login, String password) {
        catalogs.requireSite(site);
        Optional<Account> account = subjectOf(login).flatMap(subject -> accounts.find(site, subject));
        if (account.isEmpty()) {
            passwords.matches(password, decoy);
            return Result.wrong();
        }
        return check(account.get(), password);
    }

    /** The password typed again by someone signed in, before a sensitive action. */
    @Transactional
    Result confirm(String site, SubjectId subject, String password) {
        return accounts.find(site, subject)
                .map(account -> check(account, password))
                .orElseGet(Result::wrong);
    }

    private Result check(Account account, String password) {
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return new Result(Outcome.LOCKED, null, account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            AccountPolicy policy = AccountPolicy.of(catalogs.requireSite(account.site()));
            Instant until = policy.lockoutFor().addTo(now);
            accounts.recordFailure(account.site(), account.subject(), policy.lockoutAfterFailures(), until);
            boolean nowLocked = account.failedAttempts() + 1 >= policy.lockoutAfterFailures();
            return nowLocked ? new Result(Outcome.LOCKED, null, until) : Result.wrong();
        }
        if (account.state() == Account.State.AWAITING_PARENT) {
            return new Result(Outcome.AWAITING_PARENT, null, null);
        }
        accounts.recordSignIn(account.site(), account.subject(), now);
        events.publishEvent(new AccountUsed(account.subject(), account.site(), now));
        return new Result(Outcome.SIGNED_IN, account.subject(), null);
    }

    private Optional<SubjectId> subjectOf(String login) {
        return Logins.of(login).flatMap(vault::find);
    }
}
