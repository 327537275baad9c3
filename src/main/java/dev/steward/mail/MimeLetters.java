package dev.steward.mail;

import dev.steward.catalog.SiteMail.Sender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailPreparationException;

/**
 * Builds the MIME message of an envelope: {@code From} with its display name, {@code Reply-To}, {@code Date}, the
 * stable {@code Message-ID}, the envelope's own headers, and a single text part or {@code multipart/alternative}
 * (text first, then HTML, as RFC 2046 orders them: plainest first). An HTML part with pictures inside the message is a
 * {@code multipart/related} (RFC 2387) of the HTML and the pictures, each under the Content-ID its HTML names.
 */
final class MimeLetters {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final Sender defaultSender;

    MimeLetters(Session session, Sender defaultSender) {
        this.session = session;
        this.defaultSender = defaultSender;
    }

    Sender senderOf(Envelope envelope) {
        return envelope.from() != null ? envelope.from() : defaultSender;
    }

    MimeMessage build(String messageId, Envelope envelope, Instant date) {
        return build(messageId, envelope, List.of(), date);
    }

    MimeMessage build(String messageId, Envelope envelope, List<InlineImage> images, Instant date) {
        MimeMessage mime = new StableIdMessage(session, messageId);
        try {
            Sender from = senderOf(envelope);
            mime.setFrom(address(from));
            if (envelope.replyTo() != null) {
                mime.setReplyTo(new InternetAddress[] {new InternetAddress(envelope.replyTo(), true)});
            }
            mime.setRecipient(Message.RecipientType.TO, recipient(envelope.to()));
            mime.setSubject(envelope.subjectLine(), UTF_8);
            mime.setSentDate(Date.from(date));
            for (Map.Entry<String, String> header : envelope.headers().entrySet()) {
                mime.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
            }
            if (envelope.html() == null) {
                mime.setText(envelope.text(), UTF_8);
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(envelope.text(), "plain"));
                alternative.addBodyPart(
                        images.isEmpty() ? part(envelope.html(), "html") : related(envelope.html(), images));
                mime.setContent(alternative);
            }
            mime.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            // the cause would quote the address; its type is enough to diagnose
            throw new MailPreparationException(
                    "Cannot build the message: " + e.getClass().getSimpleName());
        }
        return mime;
    }

    /** The address as a message's {@code To} and the server's {@code RCPT TO} take it, checked strictly. */
    InternetAddress recipient(String to) {
        try {
            return new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new MailPreparationException(
                    "Cannot build the message: " + e.getClass().getSimpleName());
        }
    }

    private static InternetAddress address(Sender sender) throws UnsupportedEncodingException {
        return new InternetAddress(sender.address(), sender.name(), UTF_8);
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    /** The HTML with its pictures; {@code type} names the root part, as RFC 2387 asks. */
    private static MimeBodyPart related(String html, List<InlineImage> images) throws MessagingException {
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(part(html, "html"));
        for (InlineImage image : images) {
            related.addBodyPart(image.part());
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(related);
        part.setHeader("Content-Type", related.getContentType() + "; type=\"text/html\"");
        return part;
    }

    /** Keeps the Message-ID the message was given, where Jakarta Mail would make a new one per attempt. */
    static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
