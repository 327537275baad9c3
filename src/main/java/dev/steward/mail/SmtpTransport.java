package dev.steward.mail;

import dev.steward.platform.Lease;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivery through the configured SMTP server. The sender is built here rather than by Spring Boot, so that an
 * unreachable mail server delays mail (which is retried) without making the whole node report itself unhealthy.
 */
class SmtpTransport implements MailTransport {

    static final String NAME = "smtp";

    private final JavaMailSenderImpl sender;
    private final String from;
    private final SmtpSockets sockets = new SmtpSockets();

    SmtpTransport(MailSettings.Smtp smtp) {
        this.sender = new JavaMailSenderImpl();
        this.from = smtp.sender();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.socketFactory", sockets);
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.starttls.enable", "true");
        if (smtp.authenticates()) {
            sender.setUsername(smtp.user());
            sender.setPassword(smtp.password());
            properties.setProperty("mail.smtp.auth", "true");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(String messageId, Envelope envelope, Lease lease) throws MailException {
        MimeMessage mime = mime(messageId, envelope);
        List<Socket> opened = sockets.track();
        try (Lease.Guard guard = lease.guard(() -> SmtpSockets.closeAll(opened))) {
            sender.send(mime);
        } finally {
            sockets.untrack();
        }
    }

    private MimeMessage mime(String messageId, Envelope envelope) {
        MimeMessage mime = new StableIdMessage(sender.getSession(), messageId);
        try {
            MimeMessageHelper helper =
                    new MimeMessageHelper(mime, envelope.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(envelope.to());
            helper.setSubject(envelope.subjectLine());
            if (envelope.html() != null) {
                helper.setText(envelope.text(), envelope.html());
            } else {
                helper.setText(envelope.text());
            }
        } catch (MessagingException e) {
            // the cause would quote the address; its type is enough to diagnose
            throw new MailPreparationException(
                    "Cannot build the message: " + e.getClass().getSimpleName());
        }
        return mime;
    }

    /** Keeps the Message-ID the outbox gave the message, where Jakarta Mail would make a new one per attempt. */
    private static final class StableIdMessage extends MimeMessage {

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
