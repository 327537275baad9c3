package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ResetTokenRepository tokens;
    private final Vault vault;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(
            AccountRepository accounts,
            ResetTokenRepository tokens,
            Vault vault,
            Catalogs catalogs,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.vault = vault;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What keeps a registration from being accepted, as errors on the form's fields: a user name someone has, an
     * e-mail address with an account on the site already, a password that is too short (a password not given at all is
     * the form's to refuse).
     */
    public List<FieldError> check(
            String site, List<Registration.Login> logins, String passwordField, @Nullable String password) {
        catalogs.requireSite(site);
        List<FieldError> errors = new ArrayList<>();
        for (Registration.Login login : logins) {
            if (isTaken(site, login.identifier())) {
                errors.add(new FieldError(
                        login.field(),
                        "taken",
                        login.identifier().kind() == Identifier.Kind.USERNAME
                                ? "This user name is taken: choose another."
                                : "An account with this e-mail address exists already: sign in, or reset your"
                                        + " password."));
            }
        }
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(tooShort(passwordField));
        }
        return errors;
    }

    static FieldError tooShort(String field) {
        return new FieldError(
                field, "too-short", "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
    }

    /**
     * Creates the account in the caller's transaction, once the subject holds its logins; refuses, creating nothing,
     * a login that is someone else's or a password that is too short.
     */
    @Transactional
    public void register(Registration registration, String password) {
        List<FieldError> errors = new ArrayList<>();
        for (Registration.Login login : registration.logins()) {
            if (vault.find(login.identifier())
                    .filter(holder -> !holder.equals(registration.subject()))
                    .isPresent()) {
                errors.add(new FieldError(login.field(), "taken", "This login belongs to another account."));
            }
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(tooShort(registration.passwordField()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
                registration.awaitingParent() ? null : now);
        if (!accounts.insert(account)) {
            throw new InvalidInputException(
                    registration.logins().isEmpty()
                            ? null
                            : registration.logins().get(0).field(),
                    "taken",
                    "There is an account for you on this site already: sign in, or reset your password.");
        }
        if (!registration.awaitingParent()) {
            events.publishEvent(new AccountUsed(registration.subject(), registration.site(), now));
        }
    }

    /** A parent confirmed a child's registration: the account can be used from now on. */
    @Transactional
    public void activate(String site, SubjectId subject) {
        Instant now = clock.instant();
        if (accounts.activate(site, subject, now)) {
            events.publishEvent(new AccountUsed(subject, site, now));
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

    /** A user name is someone's as soon as any subject holds it; an e-mail address once it has an account here. */
    private boolean isTaken(String site, Identifier login) {
        Optional<SubjectId> holder = vault.find(login);
        if (holder.isEmpty()) {
            return false;
        }
        return login.kind() == Identifier.Kind.USERNAME
                || accounts.find(site, holder.get()).isPresent();
    }
}
