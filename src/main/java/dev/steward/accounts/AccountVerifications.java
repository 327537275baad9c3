package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Sha256;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Access;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account can be used only once a link sent to its e-mail address came back: until then nobody can sign in to it
 * and it shows nothing, so typing someone else's address gets a stranger nowhere. Registering answers the same
 * whether the address is known or not; only the mailbox learns it, by a mail that says "you have an account already"
 * instead of a link. A registration nobody verifies in time is discarded.
 */
@Service
class AccountVerifications {

    static final Duration VALID_FOR = Duration.ofDays(7);
    /** A sign-in to an unverified account sends the link again, but not more often than this. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    /** What following a verification link did. */
    enum Outcome {
        VERIFIED,
        /** The address (or user name) has a verified account already: this registration was discarded. */
        DUPLICATE,
        /** The link expired or was used. */
        UNUSABLE
    }

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final AccountLinks links;
    private final PasswordChecks checks;
    private final WaitingRegistrations waiting;
    private final Identities identities;
    private final Vault vault;
    private final Mailer mailer;
    private final Catalogs catalogs;
    private final StewardProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountWords words;

    AccountVerifications(
            AccountRepository accounts,
            AccountTokenRepository tokens,
            AccountLinks links,
            PasswordChecks checks,
            WaitingRegistrations waiting,
            Identities identities,
            Vault vault,
            Mailer mailer,
            Catalogs catalogs,
            StewardProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            AccountWords words) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
        this.checks = checks;
        this.waiting = waiting;
        this.identities = identities;
        this.vault = vault;
        this.mailer = mailer;
        this.catalogs = catalogs;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.words = words;
    }

    /**
     * Asks the registrant to prove the address, which they must do within {@link #VALID_FOR}: a link, or, where the
     * address has a usable account on the site already, a note saying so.
     */
    @Transactional
    void send(String site, SubjectId subject, Identifier email) {
        accounts.verifyBy(site, subject, clock.instant().plus(VALID_FOR));
        mailLink(site, subject, email);
    }

    /**
     * Someone typed the right password of an account not verified yet: the link again, now and then, without changing
     * its deadline (an account registered before verification was required has none).
     */
    @Transactional
    void resend(Account account) {
        Instant last = tokens.lastIssued(AccountTokenRepository.Purpose.VERIFY, account.site(), account.subject())
                .orElse(Instant.EPOCH);
        if (last.plus(RESEND_AFTER).isAfter(clock.instant())) {
            return;
        }
        emailOf(account.subject()).ifPresent(email -> mailLink(account.site(), account.subject(), email));
    }

    /**
     * The owner of an address asked for a password reset, but its registrations on the site all still wait for their
     * link: the link again (no more often than a sign-in sends it), whichever registration it names, since the
     * password typed on its page picks the owner's ({@link WaitingRegistrations}).
     */
    @Transactional
    void resendTo(String site, Identifier login) {
        waiting.oldest(site, login).ifPresent(this::resend);
    }

    /** A parent confirmed a child's registration: now the child proves their address. */
    @Transactional
    void sendAfterParent(String site, SubjectId subject) {
        emailOf(subject).ifPresent(email -> send(site, subject, email));
    }

    private void mailLink(String site, SubjectId subject, Identifier email) {
        if (usableAccountOf(site, email, subject).isPresent()) {
            mail(site, subject, email, alreadyRegistered(site));
            return;
        }
        Instant now = clock.instant();
        String token = links.token();
        tokens.insert(
                AccountTokenRepository.Purpose.VERIFY, Sha256.hex(token), site, subject, now, now.plus(VALID_FOR));
        mail(site, subject, email, verification(site, token, now.plus(VALID_FOR)));
    }

    EmailLinks.Reason whyUnusable(String site, String token) {
        return tokens.whyUnusable(AccountTokenRepository.Purpose.VERIFY, Sha256.hex(token), site);
    }

    boolean isValid(String site, String token) {
        return tokens.valid(AccountTokenRepository.Purpose.VERIFY, Sha256.hex(token), site, clock.instant())
                .isPresent();
    }

    /**
     * The link came back with the password chosen at registration: the account can be used, unless the address or
     * user name has a verified account already. Both are needed: the link proves the mailbox, the password that
     * whoever reads it registered; the owner of an address someone else registered cannot confirm that stranger's
     * account by following the link, but confirms their own registration of the address with their own password,
     * whichever of its links they follow. A wrong password keeps the link and counts towards the lockout.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    Outcome verify(String site, String token, String password) {
        Instant now = clock.instant();
        Optional<Account> account = tokens.valid(AccountTokenRepository.Purpose.VERIFY, Sha256.hex(token), site, now)
                .flatMap(subject -> accounts.find(site, subject));
        if (account.isEmpty()) {
            return Outcome.UNUSABLE;
        }
        Account registrant = account.get();
        PasswordChecks.Checked checked = checks.check(registrant, password);
        if (checked.verdict() != PasswordChecks.Verdict.RIGHT) {
            // any link of the address proves its mailbox: the password says whose registration this is
            Optional<Account> other = emailOf(registrant.subject())
                    .flatMap(email ->
                            waiting.ofPassword(site, email, account.get().subject(), password));
            if (other.isEmpty()) {
                throw new InvalidInputException(List.of(words.refusal(
                        "password",
                        "verify",
                        checked.verdict() == PasswordChecks.Verdict.LOCKED ? "locked" : "wrong-password")));
            }
            registrant = other.get();
        }
        tokens.consume(AccountTokenRepository.Purpose.VERIFY, Sha256.hex(token), site, now);
        return complete(registrant, "account-link");
    }

    /**
     * A link sent to the address came back (the verification link, or a password reset): the account's logins are
     * proven, and it can be used once a parent confirmed it where one must.
     */
    @Transactional
    Outcome complete(Account account, String how) {
        if (account.verified()) {
            return Outcome.VERIFIED;
        }
        List<Identifier> logins = loginsOf(account.subject());
        if (logins.stream()
                .anyMatch(login -> usableAccountOf(account.site(), login, account.subject())
                        .isPresent())) {
            if (account.verifyBy() != null) {
                // a new registration holds nothing but what its form sent
                vault.eraseSubject(account.subject(), "registration duplicated an existing account");
            }
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        accounts.markVerified(account.site(), account.subject(), now);
        logins.forEach(login -> identities.prove(account.subject(), login, how));
        if (account.state() == Account.State.ACTIVE) {
            events.publishEvent(new AccountUsed(account.subject(), account.site(), now));
        }
        return Outcome.VERIFIED;
    }

    /** A verified account of someone else that signs in with this login: on the site, or anywhere for a user name. */
    private Optional<Account> usableAccountOf(String site, Identifier login, SubjectId except) {
        return identities.carrying(login).stream()
                .filter(holder -> !holder.equals(except))
                .flatMap(holder -> login.kind() == Identifier.Kind.USERNAME
                        ? accounts.of(holder).stream()
                        : accounts.find(site, holder).stream())
                .filter(Account::verified)
                .findFirst();
    }

    private List<Identifier> loginsOf(SubjectId subject) {
        return vault.heldIdentifiers(subject, Access.system("account-verification")).stream()
                .map(HeldIdentifier::identifier)
                .filter(identifier -> identifier.kind() != Identifier.Kind.PHONE)
                .toList();
    }

    private Optional<Identifier> emailOf(SubjectId subject) {
        return loginsOf(subject).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .findFirst();
    }

    private void mail(String site, SubjectId subject, Identifier email, Message message) {
        mailer.queue(OutgoingMail.service(site, subject, email.value(), message.subject(), message.body())
                .withSecrets(message.secrets()));
    }

    /** A message, with the parts of it for its recipient alone (a link's token). */
    private record Message(String subject, String body, String... secrets) {}

    private Message verification(String site, String token, Instant until) {
        String name = words.siteName(site);
        return new Message(
                words.words(site, "account.mail.verify.subject", name),
                words.words(
                        site,
                        "account.mail.verify.text",
                        name,
                        words.dayTime(site, until),
                        properties.publicUrl() + "/s/" + site + "/account/verify/" + token),
                token);
    }

    private Message alreadyRegistered(String site) {
        String name = words.siteName(site);
        String account = properties.publicUrl() + "/s/" + site + "/account";
        return new Message(
                words.words(site, "account.mail.registered.subject", name),
                words.words(site, "account.mail.registered.text", name, account + "/login", account + "/reset"));
    }
}
