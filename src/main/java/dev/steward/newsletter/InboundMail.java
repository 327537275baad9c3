package dev.steward.newsletter;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a mail the operator's mail system hands to Steward: a delivery status notification (RFC 3464) about one of
 * its messages, a complaint (an abuse feedback report, RFC 5965), or a mail to a message's {@code mailto:}
 * unsubscribe address, whose subject carries the token. The original message is recognised by its Message-ID in the
 * report's copy of its headers, never by an address.
 */
final class InboundMail {

    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245])\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern TOKEN = Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]{43})\\b");

    private InboundMail() {}

    /** What the mail reports. */
    sealed interface Report {

        /** A delivery failed: for good (a 5.x.x status) or for now. */
        record Bounce(String messageId, boolean hard) implements Report {}

        /** The recipient marked the message as spam. */
        record Complaint(String messageId) implements Report {}

        record Unsubscribe(String token) implements Report {}

        record Unknown() implements Report {}
    }

    static Report read(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            ContentType type = new ContentType(message.getContentType());
            if (type.match("multipart/report") && message.getContent() instanceof MimeMultipart parts) {
                String reportType = String.valueOf(type.getParameter("report-type"));
                return report(parts, reportType);
            }
            String subject = message.getSubject();
            Matcher token = TOKEN.matcher(subject == null ? "" : subject);
            return token.find() ? new Report.Unsubscribe(token.group(1)) : new Report.Unknown();
        } catch (MessagingException | IOException e) {
            return new Report.Unknown();
        }
    }

    private static Report report(MimeMultipart parts, String reportType) throws MessagingException, IOException {
        String status = null;
        String original = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                status = text(part);
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                original = original != null ? original : text(part);
            }
        }
        Optional<String> messageId = original == null ? Optional.empty() : messageId(original);
        if (messageId.isEmpty()) {
            return new Report.Unknown();
        }
        if ("feedback-report".equalsIgnoreCase(reportType)) {
            return new Report.Complaint(messageId.get());
        }
        if ("delivery-status".equalsIgnoreCase(reportType) && status != null) {
            Matcher code = STATUS.matcher(status);
            boolean hard = false;
            boolean any = false;
            while (code.find()) {
                any = true;
                hard |= "5".equals(code.group(1));
            }
            return any ? new Report.Bounce(messageId.get(), hard) : new Report.Unknown();
        }
        return new Report.Unknown();
    }

    private static Optional<String> messageId(String headers) {
        Matcher matcher = MESSAGE_ID.matcher(headers);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
        }
    }

    /** The id in one of Steward's Message-IDs ({@code <id@domain>}). */
    static @Nullable String localPart(String messageId) {
        String inner = messageId.strip();
        if (inner.startsWith("<") && inner.endsWith(">")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        int at = inner.indexOf('@');
        return at < 0 ? null : inner.substring(0, at);
    }
}
