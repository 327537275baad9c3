package dev.steward.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
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
    private static final String TIMEOUT_MILLIS = "30000";

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpTransport(MailSettings.Smtp smtp) {
        this.sender = new JavaMailSenderImpl();
        this.from = smtp.sender();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        // a hanging server must not hold the delivery lock for ever
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
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
    public void send(UUID message, Envelope envelope) throws MailException {
        sender.send(mime(envelope));
    }

    private MimeMessage mime(Envelope envelope) {
        MimeMessage mime = sender.createMimeMessage();
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
}
