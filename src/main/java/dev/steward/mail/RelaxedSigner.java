package dev.steward.mail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.DkimSigningException;

/**
 * {@code utils-mail-dkim}'s signer, RSA-SHA256 relaxed/relaxed, with the same output byte for byte
 * ({@code DkimTest}), minus what made it cost about 1.4 ms a campaign message (bench/README.md, "dkim2"): the library
 * canonicalizes the body with two regular expressions over the whole body as a string (a third of its time on a
 * 5 KB message, and most of it with a picture), where one pass over the characters does the same; and it signs with
 * the {@link Signature} it creates itself, from the JDK's default provider, where this one signs with the one it is
 * given ({@link Dkim} picks BoringSSL's through Conscrypt when it loads). The library still frames the message
 * ({@link DkimMessage} writes the body, asks for the header and writes it first), so only the signature's content is
 * ours.
 *
 * <p>A signer keeps its digest and signature state between the steps of one signature: {@link #sign} holds the
 * signer's lock, so that a signer kept per thread stays correct even if a message is written on another thread.
 */
final class RelaxedSigner extends DkimSigner {

    /** The library's fold width, kept so that signatures stay byte-identical to its own. */
    private static final int MAX_HEADER_LENGTH = 67;

    private static final String SIGNATURE_HEADER = "DKIM-Signature";

    /** The library's default list, plus the headers Steward asks it to cover (RFC 8058, RFC 3834). */
    private static final List<String> HEADERS = List.of(
            "From",
            "To",
            "Subject",
            "Content-Description",
            "Content-ID",
            "Content-Type",
            "Content-Transfer-Encoding",
            "Cc",
            "Date",
            "In-Reply-To",
            "List-Subscribe",
            "List-Post",
            "List-Owner",
            "List-Id",
            "List-Archive",
            "List-Help",
            "List-Unsubscribe",
            "MIME-Version",
            "Message-ID",
            "Resent-Sender",
            "Resent-Cc",
            "Resent-Date",
            "Resent-To",
            "Reply-To",
            "References",
            "Resent-Message-ID",
            "Resent-From",
            "Sender",
            "List-Unsubscribe-Post",
            "Auto-Submitted");

    private final String domain;
    private final String selector;
    private final Set<String> signed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final MessageDigest sha256;
    private final Signature rsa;

    /** {@code rsa}: a SHA256withRSA signature initialised for signing with the key, used only by this signer. */
    RelaxedSigner(String domain, String selector, RSAPrivateKey key, Signature rsa) {
        super(domain, selector, key);
        this.domain = domain;
        this.selector = selector.trim();
        this.rsa = rsa;
        signed.addAll(HEADERS);
        // the library's own settings, in case its code ever signs with this signer
        setHeaderCanonicalization(Canonicalization.RELAXED);
        setBodyCanonicalization(Canonicalization.RELAXED);
        setCheckDomainKey(false);
        for (String header : HEADERS) {
            addHeaderToSign(header);
        }
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The message to hand to the transport: written with this signer's signature as its first header. */
    DkimMessage message(MimeMessage message) throws MessagingException {
        return new Message(message, this);
    }

    @Override
    protected synchronized String sign(DkimMessage message) throws MessagingException {
        if (!(message instanceof Message ours)) {
            throw new DkimSigningException("A message to sign is made by RelaxedSigner.message");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v", "1");
        tags.put("a", "rsa-sha256");
        tags.put("q", "dns/txt");
        tags.put("c", "relaxed/relaxed");
        Date sent = message.getSentDate();
        tags.put("t", Long.toString((sent == null ? new Date() : sent).getTime() / 1000L));
        tags.put("s", selector);
        tags.put("d", domain);
        StringBuilder names = new StringBuilder();
        StringBuilder canonical = new StringBuilder(1024);
        boolean from = false;
        for (Header header : headersToSign(message)) {
            names.append(header.getName()).append(':');
            canonical.append(relaxedHeader(header.getName(), header.getValue())).append("\r\n");
            from |= header.getName().equalsIgnoreCase("From");
        }
        if (!from) {
            throw new DkimSigningException("Could not find mandatory headers: From");
        }
        tags.put("h", names.substring(0, names.length() - 1));
        tags.put("bh", Base64.getEncoder().encodeToString(sha256.digest(relaxedBody(ours.body()))));
        String serialized = serialize(tags);
        canonical.append(relaxedHeader(SIGNATURE_HEADER, serialized));
        try {
            rsa.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return SIGNATURE_HEADER + ": " + serialized
                    + fold(Base64.getEncoder().encodeToString(rsa.sign()), 3);
        } catch (SignatureException e) {
            throw new DkimSigningException("Failed to create the signature", e);
        }
    }

    /** The headers to sign, the last occurrence first, as the library lists them. */
    private List<Header> headersToSign(DkimMessage message) throws MessagingException {
        List<Header> headers = new ArrayList<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            if (signed.contains(header.getName())) {
                headers.add(header);
            }
        }
        Collections.reverse(headers);
        return headers;
    }

    /** RFC 6376 §3.4.2 as the library does it: name in lower case, runs of white space (folding too) one space. */
    static String relaxedHeader(String name, String value) {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 1);
        out.append(name.trim().toLowerCase(Locale.ROOT)).append(':');
        int start = out.length();
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // the library's \s: space, tab, CR, LF, vertical tab, form feed
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B || c == '\f') {
                space = true;
            } else {
                if (space && out.length() > start) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        // String.trim() removes any character up to U+0020 at either end, which \s does not all cover
        return out.substring(0, start) + out.substring(start).trim();
    }

    /**
     * RFC 6376 §3.4.4 in one pass, as the library's line-ending normalisation and regular expressions do it: a lone
     * CR or LF ends a line too, white space at a line's end goes, runs of it within a line become one space, empty
     * lines at the end go, and an empty body stays empty.
     */
    static byte[] relaxedBody(String body) {
        StringBuilder out = new StringBuilder(body.length() + 2);
        int emptyLines = 0;
        boolean space = false;
        boolean lineHasText = false;
        char previous = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\r' || (c == '\n' && previous != '\r')) {
                if (lineHasText) {
                    out.append("\r\n");
                } else {
                    emptyLines++;
                }
                space = false;
                lineHasText = false;
            } else if (c == ' ' || c == '\t') {
                space = true;
            } else if (c != '\n') {
                for (; emptyLines > 0; emptyLines--) {
                    out.append("\r\n");
                }
                if (space) {
                    out.append(' ');
                }
                space = false;
                lineHasText = true;
                out.append(c);
            }
            previous = c;
        }
        if (lineHasText) {
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The tags folded as the library folds them, ending with an empty {@code b=} for the signature to follow. */
    private static String serialize(Map<String, String> tags) {
        int position = 0;
        StringBuilder out = new StringBuilder(256);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String entry = tag.getKey() + "=" + tag.getValue() + ";";
            if (position + entry.length() + 1 > MAX_HEADER_LENGTH) {
                position = entry.length();
                out.append("\r\n\t").append(entry);
            } else {
                out.append(' ').append(entry);
                position += 1 + entry.length();
            }
        }
        out.append("\r\n\tb=");
        return out.toString().trim();
    }

    private static String fold(String value, int offset) {
        StringBuilder out = new StringBuilder(value.length() + value.length() / 20 + 8);
        int i = 0;
        int first = MAX_HEADER_LENGTH - offset;
        if (value.length() > first) {
            out.append(value, 0, first);
            i = first;
        }
        while (value.length() - i > MAX_HEADER_LENGTH) {
            out.append("\r\n\t").append(value, i, i + MAX_HEADER_LENGTH);
            i += MAX_HEADER_LENGTH;
        }
        return out.append("\r\n\t").append(value, i, value.length()).toString();
    }

    /** The library's message, whose encoded body only a subclass may read. */
    private static final class Message extends DkimMessage {

        Message(MimeMessage message, RelaxedSigner signer) throws MessagingException {
            super(message, signer);
        }

        String body() {
            String body = getEncodedBody();
            return body == null ? "" : body;
        }
    }
}
