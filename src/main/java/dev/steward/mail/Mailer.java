package dev.steward.mail;

import dev.steward.platform.Outbound;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mail to data subjects. A message is stored in the caller's transaction, so it goes out exactly when
 * what caused it commits; delivery happens later, with retries, under one Message-ID whatever the number of attempts. Marketing without a current consent to its
 * purpose is dropped at once, keeping only the decision.
 */
@Service
public class Mailer {

    /** Stands for "no data subject" in the outbox's rows of mail to staff. */
    static final SubjectId STAFF = new SubjectId(new UUID(0, 0));

    private final MailRules rules;
    private final MarketingConsent marketing;
    private final Envelopes envelopes;
    private final OutboxRepository outbox;
    private final MailMetrics metrics;
    private final Outbound outbound;
    private final MailSettings settings;
    private final Clock clock;

    Mailer(
            MailRules rules,
            MarketingConsent marketing,
            Envelopes envelopes,
            OutboxRepository outbox,
            MailMetrics metrics,
            Outbound outbound,
            MailSettings settings,
            Clock clock) {
        this.rules = rules;
        this.marketing = marketing;
        this.envelopes = envelopes;
        this.outbox = outbox;
        this.metrics = metrics;
        this.outbound = outbound;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the message and answers its id; refuses it with field errors, storing nothing, if it is malformed. */
    @Transactional
    public UUID queue(OutgoingMail mail) {
        rules.check(mail);
        UUID id = UUID.randomUUID();
        String messageId = "<" + id + "@" + settings.smtp().domain() + ">";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<String> refusal = marketing.refusal(mail.site(), mail.subject(), mail.kind(), mail.purpose());
        if (refusal.isPresent()) {
            outbox.insert(OutboxMessage.dropped(id, messageId, mail, now, refusal.get()));
            metrics.counted(mail.kind(), MailStatus.DROPPED);
            return id;
        }
        Envelope envelope =
                new Envelope(mail.to(), mail.subjectLine(), mail.text(), mail.html(), headersOf(mail), mail.secrets());
        store(OutboxMessage.queued(
                id, messageId, mail, now, envelopes.seal(id, mail.subject(), mail.category(), envelope)));
        return id;
    }

    /**
     * Queues a message to a member of staff (a campaign's test), as the envelope presents it: it concerns no data
     * subject, so no consent or hold applies, and it is sealed with Steward's own key.
     */
    @Transactional
    public UUID queueForStaff(String site, Envelope envelope) {
        UUID id = UUID.randomUUID();
        String domain = envelope.from() != null
                ? envelope.from().domain()
                : settings.smtp().domain();
        OutgoingMail mail = OutgoingMail.service(site, STAFF, envelope.to(), envelope.subjectLine(), envelope.text())
                .withCategory(OutgoingMail.STAFF);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store(OutboxMessage.queued(
                id, "<" + id + "@" + domain + ">", mail, now, envelopes.seal(id, STAFF, OutgoingMail.STAFF, envelope)));
        return id;
    }

    private void store(OutboxMessage message) {
        outbox.insert(message);
        outbound.enqueue(MailDelivery.JOB, message.id(), message.createdAt());
        metrics.counted(message.kind(), MailStatus.QUEUED);
    }

    /** Everything Steward writes itself is marked as such (RFC 3834), so auto-responders leave it unanswered. */
    private static Map<String, String> headersOf(OutgoingMail mail) {
        return OutgoingMail.PERSONAL_REPLY.equals(mail.category())
                ? Map.of()
                : Map.of("Auto-Submitted", "auto-generated");
    }

    /**
     * Messages of the category that an erasure deleted before they left, oldest first, at most {@code limit}; kept
     * until {@link #forgetLost}. Only {@link OutgoingMail#NOTICE_CHANGE} messages are kept so.
     */
    public List<LostMail> lost(String category, int limit) {
        return outbox.lost(category, limit);
    }

    /** Forgets lost messages whose sender has dealt with their loss. */
    public void forgetLost(Collection<UUID> messages) {
        if (!messages.isEmpty()) {
            outbox.forgetLost(messages);
        }
    }

    public Optional<MailStatus> status(UUID message) {
        return outbox.status(message);
    }

    /** How many of the messages are at each status: the progress of a mailing. */
    public Map<MailStatus, Long> statusCounts(Collection<UUID> messages) {
        return outbox.statusCounts(messages);
    }
}
