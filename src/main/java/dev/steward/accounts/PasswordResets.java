package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Sha256;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail: a link with a random token, valid once and for an hour, sent to the account's e-mail
 * address as a service mail. Only the token's SHA-256 is stored. Whether an account exists is never told to whoever
 * asks.
 */
@Service
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);

    /**
     * Reset links an account may have waiting, unused and valid, at once; a further request sends nothing. WHY: the
     * page answers alike whoever's login is typed, so nothing else bounded how often a stranger who knows someone's
     * login (a user name, an address) had Steward mail them, from the site's own sender (attack23). The owner loses
     * nothing: each link already in their mailbox works.
     */
    static final int WAITING_AT_MOST = 3;

    private final AccountRepository accounts;
    private final AccountDevices devices;
    private final AccountTokenRepository tokens;
    private final AccountLinks links;
    private final AccountVerifications verifications;
    private final Identities identities;
    private final Vault vault;
    private final Mailer mailer;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final StewardProperties properties;
    private final Clock clock;
    private final AccountWords words;

    PasswordResets(
            AccountRepository accounts,
            AccountDevices devices,
            AccountTokenRepository tokens,
            AccountLinks links,
            AccountVerifications verifications,
            Identities identities,
            Vault vault,
            Mailer mailer,
            Catalogs catalogs,
            PasswordEncoder passwords,
            StewardProperties properties,
            Clock clock,
            AccountWords words) {
        this.accounts = accounts;
        this.devices = devices;
        this.tokens = tokens;
        this.links = links;
        this.verifications = verifications;
        this.identities = identities;
        this.vault = vault;
        this.mailer = mailer;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.words = words;
    }

    /**
     * Sends a reset link if the login names an account of the site that is verified, or that was registered before
     * verification was required; says nothing either way. Where the login names only registrations still waiting for
     * their link, the verification link goes again instead: the owner may have lost theirs, or a stranger's earlier
     * registrations of the address may keep sign-in from finding the owner's and sending it.
     */
    @Transactional
    void request(String site, String login) {
        catalogs.requireSite(site);
        Identifier typed = Logins.of(login)
                .orElseThrow(() -> new InvalidInputException(List.of(words.refusal("login", "reset", "required"))));
        Optional<Account> account = identities.carrying(typed).stream()
                .flatMap(subject -> accounts.find(site, subject).stream())
                .filter(found -> found.verified() || found.verifyBy() == null)
                .min(Comparator.comparing(Account::verified).reversed());
        Optional<String> address =
                account.flatMap(found -> vault.identifiers(found.subject(), Access.system("password-reset")).stream()
                        .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                        .map(Identifier::value)
                        .findFirst());
        if (account.isEmpty()) {
            // only registrations waiting for their link: the owner may have lost theirs (attack21)
            verifications.resendTo(site, typed);
            return;
        }
        if (address.isEmpty()) {
            return;
        }
        SubjectId subject = account.get().subject();
        Instant now = clock.instant();
        tokens.lockLinksOf(site, subject);
        if (tokens.waiting(AccountTokenRepository.Purpose.RESET, site, subject, now) >= WAITING_AT_MOST) {
            return;
        }
        String token = links.token();
        tokens.insert(AccountTokenRepository.Purpose.RESET, Sha256.hex(token), site, subject, now, now.plus(VALID_FOR));
        String siteName = words.siteName(site);
        mailer.queue(OutgoingMail.service(
                        site,
                        subject,
                        address.get(),
                        words.words(site, "account.mail.reset.subject", siteName),
                        words.words(
                                site,
                                "account.mail.reset.text",
                                siteName,
                                words.dayTime(site, now.plus(VALID_FOR)),
                                properties.publicUrl() + "/s/" + site + "/account/reset/" + token))
                .withSecrets(token));
    }

    boolean isValid(String site, String token) {
        return tokens.valid(AccountTokenRepository.Purpose.RESET, Sha256.hex(token), site, clock.instant())
                .isPresent();
    }

    EmailLinks.Reason whyUnusable(String site, String token) {
        return tokens.whyUnusable(AccountTokenRepository.Purpose.RESET, Sha256.hex(token), site);
    }

    /**
     * Sets the new password and uses the link up; a link that expired or was used changes nothing. The link came back
     * from the account's mailbox, so an account not verified yet is verified by it. No browser the old password signed
     * in from is trusted any more: the reset may be the owner's answer to someone who had it, or a copy of a cookie.
     * Answers, if the link was good, the device cookie of the browser it was used in, the one browser trusted now.
     */
    @Transactional
    Optional<String> reset(String site, String token, String password) {
        if (password.length() < Accounts.MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(List.of(words.tooShort("password")));
        }
        Optional<Account> account = tokens.consume(
                        AccountTokenRepository.Purpose.RESET, Sha256.hex(token), site, clock.instant())
                .flatMap(subject -> accounts.find(site, subject));
        return account.map(found -> {
            accounts.changePassword(site, found.subject(), passwords.encode(password), clock.instant());
            // the other reset links the account had waiting would set a password again, over this one
            tokens.useUp(AccountTokenRepository.Purpose.RESET, site, found.subject(), clock.instant());
            verifications.complete(found, "password-reset");
            return devices.newPassword(found);
        });
    }
}
