package dev.steward.mail;

import dev.steward.platform.Outbound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
        Envelope envelope = new Envelope(mail.to(), mail.subjectLine(), mail.text(), mail.html(), mail.secrets());
        outbox.insert(OutboxMessage.queued(
                id, messageId, mail, now, envelopes.seal(id, mail.subject(), mail.category(), envelope)));
        outbound.enqueue(MailDelivery.JOB, id, now);
        metrics.counted(mail.kind(), MailStatus.QUEUED);
        return id;
    }

    public Optional<MailStatus> status(UUID message) {
        return outbox.status(message);
    }

    /** How many of the messages are at each status: the progress of a mailing. */
    public Map<MailStatus, Long> statusCounts(Collection<UUID> messages) {
        return outbox.statusCounts(messages);
    }
}
