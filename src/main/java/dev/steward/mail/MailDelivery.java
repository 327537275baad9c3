package dev.steward.mail;

import dev.steward.platform.ClusterLock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages, one node at a time, a batch per run. Whether a message may go is decided again at each
 * attempt: a marketing consent may have been withdrawn and a hold may have begun or ended since it was queued.
 */
@Component
@Profile("!cli")
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final String JOB = "mail-delivery";

    private final OutboxRepository outbox;
    private final Envelopes envelopes;
    private final MarketingConsent marketing;
    private final List<MailHold> holds;
    private final MailTransport transport;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailDelivery(
            OutboxRepository outbox,
            Envelopes envelopes,
            MarketingConsent marketing,
            List<MailHold> holds,
            MailTransport transport,
            MailSettings settings,
            MailMetrics metrics,
            ClusterLock lock,
            TransactionTemplate transaction,
            Clock clock) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.marketing = marketing;
        this.holds = holds;
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.lock = lock;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${steward.mail.interval:PT10S}",
            initialDelayString = "${steward.mail.interval:PT10S}")
    void scheduled() {
        deliverDue();
    }

    /** One run; answers false when another node was delivering and this one left it to them. */
    boolean deliverDue() {
        boolean ran = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!lock.tryLock(JOB)) {
                return false;
            }
            outbox.due(clock.instant(), settings.batchSize()).forEach(this::attempt);
            return true;
        }));
        metrics.backlog(outbox.backlog());
        return ran;
    }

    private void attempt(OutboxMessage message) {
        Optional<Envelope> envelope = envelopes.open(message);
        if (envelope.isEmpty()) {
            // its subject was erased without the outbox hearing of it (an erasure replayed after a restore)
            outbox.delete(message.id());
            return;
        }
        Optional<String> refusal =
                marketing.refusal(message.site(), message.subject(), message.kind(), message.purpose());
        if (refusal.isPresent()) {
            outbox.markDropped(message.id(), refusal.get());
            metrics.counted(message.kind(), MailStatus.DROPPED);
        } else if (held(message)) {
            hold(message);
        } else {
            send(message, envelope.get());
        }
    }

    private boolean held(OutboxMessage message) {
        return holds.stream()
                .anyMatch(hold -> hold.holds(message.subject(), message.site(), message.kind(), message.category()));
    }

    private void hold(OutboxMessage message) {
        if (message.status() != MailStatus.HELD) {
            outbox.markHeld(message.id());
            metrics.counted(message.kind(), MailStatus.HELD);
        }
    }

    private void send(OutboxMessage message, Envelope envelope) {
        try {
            transport.send(message.id(), envelope);
            outbox.markSent(message.id(), transport.name(), clock.instant());
            metrics.counted(message.kind(), MailStatus.SENT);
        } catch (MailException e) {
            failed(message, MailErrors.describe(e));
        }
    }

    private void failed(OutboxMessage message, String error) {
        int attempts = message.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            outbox.markFailed(message.id(), attempts, error);
            metrics.counted(message.kind(), MailStatus.FAILED);
            log.warn("Mail {} failed for good after {} attempts: {}", message.id(), attempts, error);
            return;
        }
        Instant next = clock.instant().plus(settings.backoffAfter(attempts));
        outbox.markRetry(message.id(), attempts, next, error);
        log.info("Mail {} attempt {} failed ({}); next attempt at {}", message.id(), attempts, error, next);
    }
}
