package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a visitor's password: at sign-in (with a user name or an e-mail address), and again before sensitive actions.
 * Every wrong password counts towards the site's lockout, wherever it was typed: against the browser where the account
 * signed in before ({@link AccountDevices}), else against the account. An unknown login costs as much time as a known
 * one, so timing does not tell who has an account; the browser's cookie is looked up before the login, whatever it is.
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

    /** What came of it; {@code device} is the browser's new cookie after a sign-in. */
    record Result(
            Outcome outcome,
            @Nullable SubjectId subject,
            @Nullable Instant lockedUntil,
            @Nullable String device) {

        static Result wrong() {
            return of(Outcome.WRONG);
        }

        static Result of(Outcome outcome) {
            return new Result(outcome, null, null, null);
        }
    }

    private final AccountRepository accounts;
    private final Identities identities;
    private final AccountVerifications verifications;
    private final PasswordChecks checks;
    private final AccountDevices devices;
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
            AccountDevices devices,
            Catalogs catalogs,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.verifications = verifications;
        this.checks = checks;
        this.devices = devices;
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
        return signIn(site, login, password, null);
    }

    /** Signing in from a browser that presents its device cookie, if it has one. */
    @Transactional
    Result signIn(String site, String login, String password, @Nullable String deviceCookie) {
        catalogs.requireSite(site);
        Optional<AccountDevice> device = devices.presented(site, deviceCookie);
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
            result = check(account, password, device, true);
            if (result.outcome() != Outcome.WRONG) {
                return result;
            }
        }
        return result;
    }

    /** The password typed again by someone signed in, before a sensitive action. */
    @Transactional
    Result confirm(String site, SubjectId subject, String password, @Nullable String deviceCookie) {
        Optional<AccountDevice> device = devices.presented(site, deviceCookie);
        return accounts.find(site, subject)
                .map(account -> check(account, password, device, false))
                .orElseGet(Result::wrong);
    }

    /**
     * WHY a right password in the owner's browser leaves the account's lock alone: it was set off elsewhere, and
     * lifting it would hand whoever set it off a fresh round of guesses each time the owner signs in.
     */
    private Result check(Account account, String password, Optional<AccountDevice> device, boolean newCookie) {
        Instant now = clock.instant();
        AccountDevice browser =
                device.filter(found -> found.speaksFor(account, now)).orElse(null);
        PasswordChecks.Checked checked = checks.check(account, password, browser);
        if (checked.verdict() != PasswordChecks.Verdict.RIGHT) {
            return checked.verdict() == PasswordChecks.Verdict.LOCKED
                    ? new Result(Outcome.LOCKED, null, checked.lockedUntil(), null)
                    : Result.wrong();
        }
        if (account.state() == Account.State.AWAITING_PARENT) {
            return Result.of(Outcome.AWAITING_PARENT);
        }
        if (!account.verified()) {
            verifications.resend(account);
            return Result.of(Outcome.UNVERIFIED);
        }
        accounts.recordSignIn(account.site(), account.subject(), now, browser == null);
        events.publishEvent(new AccountUsed(account.subject(), account.site(), now));
        return new Result(
                Outcome.SIGNED_IN, account.subject(), null, newCookie ? devices.remember(account, device) : null);
    }
}
