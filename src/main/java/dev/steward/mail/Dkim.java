package dev.steward.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailPreparationException;

/**
 * DKIM signing (RFC 6376) with {@code org.simplejavamail:utils-mail-dkim}: a maintained signer that works on Jakarta
 * Mail messages directly, so a message is signed as it is written to the server, with relaxed canonicalization and
 * RSA-SHA256 ({@link RelaxedSigner}: the library's signer with its body canonicalization done in one pass and the RSA
 * of the provider {@link FastRsa} picks). A message is signed when its {@code From} domain is the key's domain or under it (DMARC alignment);
 * the signature covers {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} as RFC 8058 asks.
 */
final class Dkim {

    private final String domain;
    private final String selector;
    private final RSAPrivateKey key;
    private final @Nullable Provider provider;
    /**
     * A signer per sending thread, made at its first message: a signer's digest and signature are initialised once
     * for the key rather than for every message, and the campaign's workers sign in parallel, each with its own.
     */
    private final ThreadLocal<RelaxedSigner> signers = ThreadLocal.withInitial(this::signer);

    private Dkim(String domain, String selector, RSAPrivateKey key, @Nullable Provider provider) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.selector = selector;
        this.key = key;
        this.provider = provider;
    }

    /** The same key signing with the given provider's RSA, or the JDK's default when none: for measuring both. */
    Dkim withProvider(@Nullable Provider rsa) {
        return new Dkim(domain, selector, key, rsa);
    }

    /** Whose RSA signs: said at start, since it is the larger part of what signing costs. */
    String provider() {
        return signature().getProvider().getName();
    }

    /** Signing as configured, or none when no key is given; a key given but unreadable stops the start. */
    static Optional<Dkim> of(MailSettings.@Nullable DkimKey settings) {
        if (settings == null
                || settings.privateKey() == null
                || settings.privateKey().isBlank()) {
            return Optional.empty();
        }
        if (settings.domain() == null
                || settings.domain().isBlank()
                || settings.selector() == null
                || settings.selector().isBlank()) {
            throw new IllegalStateException(
                    "A DKIM key is configured (STEWARD_DKIM_PRIVATE_KEY) without STEWARD_DKIM_DOMAIN and STEWARD_DKIM_SELECTOR");
        }
        return Optional.of(new Dkim(
                settings.domain(), settings.selector(), read(Path.of(settings.privateKey())), FastRsa.provider()));
    }

    String domain() {
        return domain;
    }

    String selector() {
        return selector;
    }

    boolean covers(String fromDomain) {
        String from = fromDomain.toLowerCase(Locale.ROOT);
        return from.equals(domain) || from.endsWith("." + domain);
    }

    /** The message signed as it is written, or unchanged when its sender's domain is not the key's. */
    MimeMessage sign(MimeMessage message, String fromDomain) {
        if (!covers(fromDomain)) {
            return message;
        }
        try {
            return signers.get().message(message);
        } catch (MessagingException e) {
            throw new MailPreparationException(
                    "Cannot sign the message: " + e.getClass().getSimpleName());
        }
    }

    private RelaxedSigner signer() {
        return new RelaxedSigner(domain, selector, key, signature());
    }

    private Signature signature() {
        try {
            Signature rsa = provider == null
                    ? Signature.getInstance("SHA256withRSA")
                    : Signature.getInstance("SHA256withRSA", provider);
            rsa.initSign(key);
            return rsa;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot sign with the DKIM key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static RSAPrivateKey read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("BEGIN RSA PRIVATE KEY")) {
                throw new IllegalStateException("The DKIM key " + file + " is PKCS#1; convert it to PKCS#8 with"
                        + " 'openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW'");
            }
            byte[] der = text.contains("BEGIN PRIVATE KEY")
                    ? Base64.getMimeDecoder()
                            .decode(text.replaceAll("-----[A-Z ]+-----", "").strip())
                    : bytes;
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Cannot read the DKIM key " + file + ": an RSA private key in PKCS#8 (PEM or DER) is needed", e);
        }
    }
}
