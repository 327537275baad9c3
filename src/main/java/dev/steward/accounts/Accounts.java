package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitors' accounts, created by forms that register (seed 001 §3.2). The login is the subject's user name or e-mail
 * address in the vault, found by blind index and never stored here; the password only as a hash.
 */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final Identities identities;
    private final AccountVerifications verifications;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AccountWords words;

    Accounts(
            AccountRepository accounts,
            AccountTokenRepository tokens,
            Identities identities,
            AccountVerifications verifications,
            Catalogs catalogs,
            PasswordEncoder passwords,
            Clock clock,
            AccountWords words) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.identities = identities;
        this.verifications = verifications;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.clock = clock;
        this.words = words;
    }

    /**
     * What keeps a registration from being accepted, as errors on the form's fields: a user name someone else's
     * account or registration has, a password that is too short (a password not given at all is the form's to
     * refuse). An e-mail address is never refused as taken: the answer must not tell a stranger whether someone has an
     * account, so the mailbox learns it instead ({@link AccountVerifications}).
     */
    public List<FieldError> check(
            String site, List<Registration.Login> logins, String passwordField, @Nullable String password) {
        catalogs.requireSite(site);
        return refusals(logins, null, passwordField, password);
    }

    private List<FieldError> refusals(
            List<Registration.Login> logins,
            @Nullable SubjectId registering,
            String passwordField,
            @Nullable String password) {
        List<FieldError> errors = new ArrayList<>();
        Set<SubjectId> sameAddress = logins.stream()
                .map(Registration.Login::identifier)
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .flatMap(email -> identities.carrying(email).stream())
                .collect(Collectors.toSet());
        for (Registration.Login login : logins) {
            if (login.identifier().kind() == Identifier.Kind.USERNAME
                    && usernameTaken(login.identifier(), registering, sameAddress)) {
                errors.add(words.refusal(login.field(), "registration", "taken"));
            }
        }
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(words.tooShort(passwordField));
        }
        return errors;
    }

    /**
     * Creates the account in the caller's transaction, unusable until a link sent to the registration's e-mail address
     * comes back (and, for a child, until a parent confirms, after which the link is sent); refuses, creating nothing,
     * a user name that is someone else's or a password that is too short.
     */
    @Transactional
    public void register(Registration registration, String password) {
        List<FieldError> errors =
                refusals(registration.logins(), registration.subject(), registration.passwordField(), password);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Identifier email = registration.logins().stream()
                .map(Registration.Login::identifier)
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The catalog validator requires an e-mail address on every registration form"));
        Instant now = clock.instant();
        Account account = new Account(
                registration.site(),
                registration.subject(),
                registration.form(),
                passwords.encode(password),
                registration.awaitingParent() ? Account.State.AWAITING_PARENT : Account.State.ACTIVE,
                0,
                null,
                now,
                null,
                null,
                null);
        if (!accounts.insert(account)) {
            throw new IllegalStateException("A registration's subject is new and has no account yet");
        }
        if (!registration.awaitingParent()) {
            verifications.send(registration.site(), registration.subject(), email);
        }
    }

    /** A parent confirmed a child's registration: the child is asked to verify their address now. */
    @Transactional
    public void activate(String site, SubjectId subject) {
        if (accounts.activate(site, subject, clock.instant())) {
            verifications.sendAfterParent(site, subject);
        }
    }

    /** A child's registration that no parent confirmed is dropped. */
    @Transactional
    public void discardAwaitingParent(String site, SubjectId subject) {
        accounts.deleteAwaitingParent(site, subject);
    }

    /**
     * The subjects' accounts on the site went unused for their whole {@code account-inactive} period, and retention
     * has erased the records kept while they were in use: the accounts and their reset links go too, in the caller's
     * transaction, so that nobody signs in to an account the privacy notice says is deleted.
     */
    @Transactional
    public void closeInactive(String site, List<SubjectId> subjects) {
        accounts.deleteOf(site, subjects);
        tokens.deleteOf(site, subjects);
    }

    public boolean exists(String site, SubjectId subject) {
        return accounts.find(site, subject).isPresent();
    }

    /** The subject's accounts on every site, as an access request reports them. */
    public List<AccountSummary> heldBy(SubjectId subject) {
        return accounts.of(subject).stream()
                .map(account -> new AccountSummary(
                        account.site(),
                        account.registeredWith(),
                        account.state().key(),
                        account.createdAt(),
                        account.lastUsedAt(),
                        account.lockedUntil()))
                .toList();
    }

    /** A user name is someone's once a verified account signs in with it, on any site. */
    /**
     * Whether the user name is someone else's: a verified account's, or a registration's still waiting for its link
     * unless that registration names the same e-mail address (the same mailbox registering again, where the first link
     * used wins). WHY the waiting ones: two mailboxes registering one name would otherwise both get it, and whoever
     * confirmed first would take the name from the other, whose registration is then erased as a duplicate.
     */
    private boolean usernameTaken(Identifier username, @Nullable SubjectId except, Set<SubjectId> sameAddress) {
        return identities.carrying(username).stream()
                .filter(holder -> !holder.equals(except))
                .flatMap(holder -> accounts.of(holder).stream())
                .anyMatch(account -> account.verified() || !sameAddress.contains(account.subject()));
    }
}
