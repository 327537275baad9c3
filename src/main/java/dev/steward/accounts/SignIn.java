package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** More registrations than this naming one address would be someone trying to slow sign-in down. */
    private static final int MAX_CANDIDATES = 3;

    enum Outcome {
        SIGNED_IN,
        WRONG,
        LOCKED,
        AWAITING_PARENT,
        /** The right password, but the address is not verified yet: the link was sent again. */
        UNVERIFIED
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
    private final Identities identities;
    private final AccountVerifications verifications;
    private final PasswordChecks checks;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String decoy;

    SignIn(
            AccountRepository accounts,
            Identities identities,
            AccountVerifications verifications,
            PasswordChecks checks,
            Catalogs catalogs,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.verifications = verifications;
        this.checks = checks;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.decoy = passwords.encode("a password no account has");
    }

    /**
     * Several registrations may name one address until one of them is verified, so the password picks the account:
     * a verified one is tried first, then the few waiting for their link, the oldest first.
     */
    @Transactional
    Result signIn(String site, String login, String password) {
        catalogs.requireSite(site);
        Set<SubjectId> carriers = Logins.of(login).stream()
                .flatMap(identifier -> identities.carrying(identifier).stream())
                .collect(Collectors.toSet());
        List<Account> candidates =
                carriers.isEmpty() ? List.of() : accounts.signInCandidates(site, carriers, MAX_CANDIDATES);
        if (candidates.isEmpty()) {
            passwords.matches(password, decoy);
            return Result.wrong();
        }
        Result result = Result.wrong();
        for (Account account : candidates) {
            result = check(account, password);
            if (result.outcome() != Outcome.WRONG) {
                return result;
            }
        }
        return result;
    }

    /** The password typed again by someone signed in, before a sensitive action. */
    @Transactional
    Result confirm(String site, SubjectId subject, String password) {
        return accounts.find(site, subject)
                .map(account -> check(account, password))
                .orElseGet(Result::wrong);
    }

    private Result check(Account account, String password) {
        PasswordChecks.Checked checked = checks.check(account, password);
        if (checked.verdict() != PasswordChecks.Verdict.RIGHT) {
            return checked.verdict() == PasswordChecks.Verdict.LOCKED
                    ? new Result(Outcome.LOCKED, null, checked.lockedUntil())
                    : Result.wrong();
        }
        if (account.state() == Account.State.AWAITING_PARENT) {
            return new Result(Outcome.AWAITING_PARENT, null, null);
        }
        if (!account.verified()) {
            verifications.resend(account);
            return new Result(Outcome.UNVERIFIED, null, null);
        }
        Instant now = clock.instant();
        accounts.recordSignIn(account.site(), account.subject(), now);
        events.publishEvent(new AccountUsed(account.subject(), account.site(), now));
        return new Result(Outcome.SIGNED_IN, account.subject(), null);
    }
}
