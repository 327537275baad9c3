package dev.steward.mail;

import dev.steward.catalog.SiteMail.Sender;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mail goes out. Without an SMTP host, messages are delivered to the dev mailbox only. Retries and their pauses
 * follow the policy of every outbound job ({@code steward.outbound.*}).
 *
 * @param batchSize messages one delivery worker claims and sends at a time
 * @param parallelism delivery workers of a node, each with its own connection to the SMTP server
 * @param holdRecheck how often a held message is looked at again, to go out once no hold applies
 * @param dkim the key that signs mail (DKIM), if any
 */
@ConfigurationProperties("steward.mail")
record MailSettings(
        Smtp smtp,
        int batchSize,
        int parallelism,
        Duration holdRecheck,
        @Nullable DkimKey dkim) {

    /**
     * The {@code STEWARD_DKIM_*} variables: the signing domain, the selector under which its public key is published
     * in DNS ({@code SELECTOR._domainkey.DOMAIN}), and the file of the RSA private key (PKCS#8, PEM or DER).
     */
    record DkimKey(
            @Nullable String domain,
            @Nullable String selector,
            @Nullable String privateKey) {}

    /**
     * The {@code STEWARD_SMTP_*} variables.
     *
     * @param timeout the longest wait for the server to connect, answer or take data, each time
     */
    record Smtp(
            @Nullable String host,
            int port,
            @Nullable String user,
            @Nullable String password,
            @Nullable String from,
            Duration timeout) {

        static final String DEFAULT_FROM = "steward@localhost";

        boolean configured() {
            return host != null && !host.isBlank();
        }

        boolean authenticates() {
            return user != null && !user.isBlank();
        }

        String sender() {
            return from == null || from.isBlank() ? DEFAULT_FROM : from;
        }

        /** The sender of mail that names none of its own, with the display name {@code STEWARD_SMTP_FROM} gives. */
        Sender defaultSender() {
            try {
                InternetAddress address = new InternetAddress(sender(), true);
                return new Sender(address.getPersonal(), address.getAddress());
            } catch (AddressException e) {
                return new Sender(null, DEFAULT_FROM);
            }
        }

        /** The sender's domain, which Message-IDs name so that they are unique beyond this Steward. */
        String domain() {
            try {
                String address = new InternetAddress(sender(), true).getAddress();
                int at = address.lastIndexOf('@');
                return at < 0 ? "localhost" : address.substring(at + 1).toLowerCase(Locale.ROOT);
            } catch (AddressException e) {
                return "localhost";
            }
        }

        /** The longest one message may take: connecting, the greeting and commands, and the data, each timed. */
        Duration attemptBound() {
            // sums rather than multipliedBy, which goes through BigDecimal: asked several times per message
            Duration twice = timeout.plus(timeout);
            return twice.plus(twice);
        }
    }
}
