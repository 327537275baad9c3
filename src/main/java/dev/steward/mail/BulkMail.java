package dev.steward.mail;

import dev.steward.platform.Lease;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Delivery for a job that keeps its own messages and claims them from the outbound queue itself, such as a campaign:
 * its worker opens a {@link Session} for the batch it claimed, sends each message over the session's one connection
 * and records the {@link Delivery} it gets back. Whether a message may go is the job's decision, made just before;
 * this class builds, signs, sends and counts. Without an SMTP server every message is put into the dev mailbox, where
 * staff see it as it would have been sent.
 */
@Service
public class BulkMail {

    /** The outbox category of messages that a job delivered through a session. */
    public static final String CATEGORY = "bulk";

    private final MailTransport transport;
    private final OutboxRepository outbox;
    private final Envelopes envelopes;
    private final MailMetrics metrics;
    private final MailSettings settings;
    private final Clock clock;

    BulkMail(
            MailTransport transport,
            OutboxRepository outbox,
            Envelopes envelopes,
            MailMetrics metrics,
            MailSettings settings,
            Clock clock) {
        this.transport = transport;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** The longest sending one message may take. */
    public Duration attemptBound() {
        return settings.smtp().attemptBound();
    }

    /** A session for one claimed batch; its connection is cut off if still open at the lease's end. */
    public Session open(Lease lease) {
        return new Session(new LazyConnection(transport, lease));
    }

    /**
     * A message to send: its id (the job's own item), the Message-ID it keeps at every attempt, whom it concerns and
     * why (for the dev mailbox and the metrics), and its content.
     */
    public record Message(
            UUID id,
            String messageId,
            String site,
            SubjectId subject,
            MailKind kind,
            @Nullable String purpose,
            Letter letter) {

        @Override
        public String toString() {
            return "Message[" + id + ", " + kind + "]";
        }
    }

    /** What became of a message: sent, refused for good by the server, or failed in a way a retry may mend. */
    public enum Result {
        SENT,
        REFUSED,
        FAILED
    }

    /**
     * @param detail the SMTP codes of a refusal, or the types of a failure; never a server's text
     * @param hardBounce the server said the mailbox or its domain does not exist
     */
    public record Delivery(Result result, @Nullable String detail, boolean hardBounce) {}

    /** One connection to the mail server, for the messages of one batch, on the worker that opened it. */
    public final class Session implements AutoCloseable {

        private final MailTransport.Connection connection;

        private Session(MailTransport.Connection connection) {
            this.connection = connection;
        }

        public Delivery send(Message message) {
            try {
                connection.send(message.messageId(), message.letter());
            } catch (SmtpRefusal refusal) {
                if (refusal.permanent()) {
                    metrics.counted(message.kind(), MailStatus.FAILED);
                    return new Delivery(Result.REFUSED, refusal.describe(), refusal.hardBounce());
                }
                return new Delivery(Result.FAILED, refusal.describe(), false);
            } catch (MailException e) {
                return new Delivery(Result.FAILED, MailErrors.describe(e), false);
            }
            if (transport instanceof DevMailbox) {
                keepInDevMailbox(message);
            }
            metrics.counted(message.kind(), MailStatus.SENT);
            return new Delivery(Result.SENT, null, false);
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    private void keepInDevMailbox(Message message) {
        Envelope envelope = message.letter().envelope();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OutgoingMail mail = new OutgoingMail(
                message.site(),
                message.subject(),
                message.kind(),
                envelope.to(),
                envelope.subjectLine(),
                envelope.text(),
                envelope.html(),
                message.purpose(),
                CATEGORY);
        byte[] sealed = envelopes.seal(message.id(), message.subject(), CATEGORY, envelope);
        outbox.insertDelivered(
                OutboxMessage.queued(message.id(), message.messageId(), mail, now, sealed), DevMailbox.NAME);
    }
}
