package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Sha256;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    private final AccountRepository accounts;
    private final ResetTokenRepository tokens;
    private final Vault vault;
    private final Mailer mailer;
    private final Catalogs catalogs;
    private final PasswordEncoder passwords;
    private final StewardProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(
            AccountRepository accounts,
            ResetTokenRepository tokens,
            Vault vault,
            Mailer mailer,
            Catalogs catalogs,
            PasswordEncoder passwords,
            StewardProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.vault = vault;
        this.mailer = mailer;
        this.catalogs = catalogs;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a reset link if the login names an account of the site with an e-mail address; says nothing either way. */
    @Transactional
    void request(String site, String login) {
        Site declared = catalogs.requireSite(site);
        Identifier typed = Logins.of(login)
                .orElseThrow(() ->
                        new InvalidInputException("login", "required", "Enter your user name or e-mail address."));
        Optional<SubjectId> subject =
                vault.find(typed).filter(found -> accounts.find(site, found).isPresent());
        if (subject.isEmpty()) {
            return;
        }
        Optional<String> address = vault.identifiers(subject.get(), Access.system("password-reset")).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .map(Identifier::value)
                .findFirst();
        if (address.isEmpty()) {
            return;
        }
        String token = newToken();
        Instant now = clock.instant();
        tokens.insert(Sha256.hex(token), site, subject.get(), now, now.plus(VALID_FOR));
        String siteName = declared.name().in(declared.language());
        mailer.queue(OutgoingMail.service(
                        site,
                        subject.get(),
                        address.get(),
                        "Reset your password for " + siteName,
                        "Someone, hopefully you, asked to reset the password of your account on " + siteName + ".\n\n"
                                + "Choose a new password here (the link works once, for one hour):\n"
                                + properties.publicUrl() + "/s/" + site + "/account/reset/" + token + "\n\n"
                                + "If you did not ask for this, ignore this message: your password stays as it is.")
                .withSecrets(token));
    }

    boolean isValid(String site, String token) {
        return tokens.valid(Sha256.hex(token), site, clock.instant()).isPresent();
    }

    EmailLinks.Reason whyUnusable(String site, String token) {
        return tokens.whyUnusable(Sha256.hex(token), site);
    }

    /** Sets the new password and uses the link up; a link that expired or was used changes nothing. */
    @Transactional
    boolean reset(String site, String token, String password) {
        if (password.length() < Accounts.MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(List.of(Accounts.tooShort("password")));
        }
        Optional<SubjectId> subject = tokens.consume(Sha256.hex(token), site, clock.instant());
        subject.ifPresent(found -> accounts.changePassword(site, found, passwords.encode(password)));
        return subject.isPresent();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
