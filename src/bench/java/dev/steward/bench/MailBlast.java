package dev.steward.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign workload's baseline, a plain {@code main} without Spring (started through the launcher with
 * {@code loader.main}): a raw JavaMail blast of the campaign's own message, as its preview shows it (sender, subject,
 * headers, text and HTML parts), to N addresses over C SMTP connections, each message built and sent as Steward builds
 * and sends one, and nothing else around it. Where the preview says "preview" in place of a message's unsubscribe
 * token, each message gets a token of a real one's length (43 characters), so that both sides send as many bytes.
 *
 * <p>With a DKIM key (the campaign workload's signed variant, {@code bench/run}'s {@code campaign_signed}), each
 * message is signed as a plain program signs with the library Steward uses, {@code utils-mail-dkim}: one
 * {@link DkimSigner} per connection (RSA-SHA256 with the JDK's RSA, relaxed/relaxed, the headers Steward adds to its
 * list), each message wrapped in a {@link DkimMessage}, which signs it as the transport writes it.
 *
 * <p>{@code MailBlast PREVIEW.json HOST PORT MESSAGES CONNECTIONS [DKIM_KEY.pem DOMAIN SELECTOR]}
 */
public final class MailBlast {

    /** An unsubscribe token's length: 32 bytes in unpadded base64url, as Steward's {@code UnsubscribeTokens}. */
    private static final int TOKEN_BYTES = 32;

    /** The token the staff preview shows in its unsubscribe links (the product's CampaignPreviews). */
    private static final String PREVIEW_TOKEN = "preview";

    private MailBlast() {}

    public static void main(String[] args) throws Exception {
        JsonNode preview =
                JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", args[1]);
        properties.setProperty("mail.smtp.port", args[2]);
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.quitwait", "false");
        Session session = Session.getInstance(properties);
        int messages = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        @Nullable RSAPrivateKey key = args.length > 5 ? key(Path.of(args[5])) : null;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int first = c;
            DkimSigner signer = key == null ? null : signer(args[6], args[7], key);
            Thread thread = new Thread(() -> send(session, preview, first, connections, messages, signer));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Blasted %d messages over %d connections in %.1f s%n", messages, connections, seconds);
    }

    private static void send(
            Session session, JsonNode preview, int first, int step, int messages, @Nullable DkimSigner signer) {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = first; i < messages; i += step) {
                MimeMessage built = message(session, preview, "person-" + i + "@bench.invalid");
                MimeMessage message = signer == null ? built : new DkimMessage(built, signer);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 key in PEM, as {@code openssl genpkey} writes it. */
    private static RSAPrivateKey key(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static DkimSigner signer(String domain, String selector, RSAPrivateKey key) {
        DkimSigner signer = new DkimSigner(domain, selector, key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setCheckDomainKey(false);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        signer.addHeaderToSign("Auto-Submitted");
        return signer;
    }

    private static MimeMessage message(Session session, JsonNode preview, String to) throws MessagingException {
        InternetAddress from = new InternetAddress(preview.get("from").asString());
        String id = "<" + UUID.randomUUID() + "@"
                + from.getAddress().substring(from.getAddress().indexOf('@') + 1) + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        mime.setFrom(from);
        if (preview.hasNonNull("replyTo")) {
            mime.setReplyTo(InternetAddress.parse(preview.get("replyTo").asString()));
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(preview.get("subjectLine").asString(), "UTF-8");
        mime.setSentDate(new Date());
        String token = token();
        for (Map.Entry<String, JsonNode> header : preview.get("headers").properties()) {
            mime.setHeader(header.getKey(), tokened(header.getValue().asString(), token));
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(tokened(preview.get("text").asString(), token), "plain"));
        alternative.addBodyPart(part(tokened(preview.get("html").asString(), token), "html"));
        mime.setContent(alternative);
        return mime;
    }

    private static String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The preview's text with a real-length token where its unsubscribe links and mailto subject carry the preview's. */
    private static String tokened(String text, String token) {
        return text.replace("/unsubscribe/" + PREVIEW_TOKEN, "/unsubscribe/" + token)
                .replace("unsubscribe%20" + PREVIEW_TOKEN, "unsubscribe%20" + token);
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        return part;
    }
}
