package dev.steward.mail;

import dev.steward.platform.Lease;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Delivery through the configured SMTP server, one connection per batch: a worker that claimed a chunk of messages
 * sends them all over one session (the greeting, STARTTLS and authentication once), connecting again only after the
 * server or the network dropped it. A session that ends its batch in good order is kept for the next batch a moment
 * ({@link KeptSessions}). The session is set up here rather than by Spring Boot, so that an unreachable
 * mail server delays mail (which is retried) without making the whole node report itself unhealthy.
 */
class SmtpTransport implements MailTransport, AutoCloseable {

    static final String NAME = "smtp";

    private final MailSettings.Smtp smtp;
    private final Session session;
    private final MimeLetters letters;
    private final Optional<Dkim> dkim;
    private final Clock clock;
    private final SmtpSockets sockets;
    private final KeptSessions kept = new KeptSessions();

    SmtpTransport(MailSettings.Smtp smtp, Optional<Dkim> dkim, Clock clock) {
        this.smtp = smtp;
        this.dkim = dkim;
        this.clock = clock;
        this.sockets = new SmtpSockets(smtp.timeout());
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        // no mail.smtp.writetimeout: the sockets bound their writes themselves, without a task per write
        properties.put("mail.smtp.socketFactory", sockets);
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.quitwait", "false");
        if (smtp.authenticates()) {
            properties.setProperty("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(properties);
        this.letters = new MimeLetters(session, smtp.defaultSender());
    }

    /** Spring calls it when the context closes: the sockets' watchdog thread ends. */
    @Override
    public void close() {
        kept.close();
        sockets.close();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connection open(Lease lease) {
        return new SmtpConnection(lease, kept.take());
    }

    /** One session with the server, opened at the first message, cut off if it is still open at the lease's end. */
    private final class SmtpConnection implements Connection {

        private final List<Socket> opened;
        private final Lease lease;
        private final Lease.Guard guard;
        private @Nullable Transport transport;
        /** The session was kept from an earlier batch and has not answered in this one yet. */
        private boolean untried;

        SmtpConnection(Lease lease, KeptSessions.@Nullable Kept session) {
            this.opened = session == null ? sockets.track() : sockets.adopt(session.sockets());
            this.transport = session == null ? null : session.transport();
            this.untried = session != null;
            this.lease = lease;
            this.guard = lease.guard(() -> SmtpSockets.closeAll(opened));
        }

        @Override
        public void send(String messageId, Envelope envelope) throws MailException {
            send(messageId, envelope, envelope.pictures());
        }

        private void send(String messageId, Envelope envelope, List<InlineImage> images) throws MailException {
            MimeMessage mime = letters.build(messageId, envelope, images, clock.instant());
            String domain = letters.senderOf(envelope).domain();
            deliver(
                    dkim.map(key -> key.sign(mime, domain)).orElse(mime),
                    new Address[] {letters.recipient(envelope.to())});
        }

        /** From the template's encoded bytes where they can be filled for this recipient, else built on its own. */
        @Override
        public void send(String messageId, Letter letter) throws MailException {
            BulkTemplate template = letter.template();
            EncodedTemplate encoded = template == null ? null : template.encoded(letters);
            if (encoded == null) {
                send(messageId, letter.envelope(), template == null ? List.of() : template.images());
                return;
            }
            InternetAddress to = letters.recipient(letter.to());
            String[] values = encoded.values(to, clock.instant(), messageId, letter.values());
            if (values == null) {
                send(messageId, letter.envelope(), template.images());
                return;
            }
            String domain = letters.senderOf(template.template()).domain();
            MimeMessage filled = encoded.message(session, values);
            // the signer's message reads the filled bytes once (it parses what the filled message writes)
            deliver(dkim.map(key -> key.sign(filled, domain)).orElse(filled), new Address[] {to});
        }

        private void deliver(MimeMessage message, Address[] recipients) {
            boolean wasKept = untried;
            untried = false;
            try {
                Transport connected = connected();
                connected.sendMessage(message, recipients);
            } catch (MessagingException e) {
                SmtpRefusal refusal = SmtpRefusal.in(e);
                if (refusal != null) {
                    // the server answered: the session goes on with the next message
                    throw refusal;
                }
                disconnect();
                if (wasKept && lease.allows(smtp.attemptBound())) {
                    // the server may have ended a kept session meanwhile (a restart), which fails at its first command,
                    // before a message can be taken: the message goes over a new session, as it would have at first
                    deliver(message, recipients);
                    return;
                }
                throw new MailSendException(
                        "Cannot send the message: " + e.getClass().getSimpleName(), e);
            }
        }

        private Transport connected() throws MessagingException {
            // isConnected() would ask the server (NOOP) before every message; a failure disconnects instead
            if (transport == null) {
                Transport fresh = session.getTransport("smtp");
                if (smtp.authenticates()) {
                    fresh.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                } else {
                    fresh.connect(smtp.host(), smtp.port(), null, null);
                }
                transport = fresh;
            }
            return transport;
        }

        private void disconnect() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }

        /** Keeps the session for the next batch, unless it failed (then it is gone) or its lease cut it off. */
        @Override
        public void close() {
            try {
                guard.close();
                if (transport != null && !opened.isEmpty() && opened.stream().noneMatch(Socket::isClosed)) {
                    kept.keep(transport, opened);
                } else {
                    disconnect();
                }
            } finally {
                sockets.untrack();
            }
        }
    }
}
