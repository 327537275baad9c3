package dev.steward.mail;

import dev.steward.platform.Lease;
import dev.steward.platform.Outbound;
import dev.steward.platform.OutboundItem;
import dev.steward.platform.OutboundJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due messages as an {@link Outbound} job: claimed a few at a time, sent with no transaction open, the outcome
 * recorded afterwards. Whether a message may go is decided again at each attempt: a marketing consent may have been
 * withdrawn and a hold may have begun or ended since it was queued.
 */
@Component
@Profile("!cli")
class MailDelivery implements OutboundJob<MailDelivery.Attempt> {

    static final String JOB = "mail";
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxRepository outbox;
    private final Envelopes envelopes;
    private final MarketingConsent marketing;
    private final List<MailHold> holds;
    private final MailTransport transport;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final Outbound outbound;
    private final Clock clock;

    MailDelivery(
            OutboxRepository outbox,
            Envelopes envelopes,
            MarketingConsent marketing,
            List<MailHold> holds,
            MailTransport transport,
            MailSettings settings,
            MailMetrics metrics,
            Outbound outbound,
            Clock clock) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.marketing = marketing;
        this.holds = holds;
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** What became of one message at one attempt. */
    enum Outcome {
        SENT,
        FAILED,
        HELD,
        /** A marketing message without a current consent: never sent. */
        DROPPED,
        /** The server refused it for good: trying again would get the same answer. */
        REFUSED,
        /** Its subject was erased meanwhile. */
        GONE
    }

    record Attempt(
            Outcome outcome,
            @Nullable OutboxMessage message,
            @Nullable String detail,
            Instant at) implements OutboundJob.Result {

        @Override
        public Next next() {
            return switch (outcome) {
                case FAILED -> Next.retry(detail);
                case HELD -> Next.later(at);
                default -> Next.done();
            };
        }
    }

    @Scheduled(
            fixedDelayString = "${steward.mail.interval:PT10S}",
            initialDelayString = "${steward.mail.interval:PT10S}")
    void scheduled() {
        deliverDue();
    }

    /** Sends every message that is due, beside whatever other nodes send; answers how many were settled. */
    int deliverDue() {
        int settled = outbound.drain(this);
        metrics.backlog(outbox.backlog());
        return settled;
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public int chunk() {
        return settings.batchSize();
    }

    @Override
    public int parallelism() {
        return settings.parallelism();
    }

    @Override
    public Duration attemptBound() {
        return settings.smtp().attemptBound();
    }

    @Override
    public Map<UUID, Attempt> attempt(List<OutboundItem> items, Lease lease) {
        Map<UUID, OutboxMessage> waiting = outbox
                .waiting(items.stream().map(OutboundItem::id).toList())
                .stream()
                .collect(Collectors.toMap(OutboxMessage::id, Function.identity()));
        try (LazyConnection connection = new LazyConnection(transport, lease)) {
            return lease.attemptEach(items, attemptBound(), item -> {
                OutboxMessage message = waiting.get(item.id());
                return message == null
                        ? new Attempt(Outcome.GONE, null, null, clock.instant())
                        : attempt(message, connection);
            });
        }
    }

    private Attempt attempt(OutboxMessage message, MailTransport.Connection connection) {
        Optional<Envelope> envelope = envelopes.open(message);
        if (envelope.isEmpty()) {
            // its subject was erased without the outbox hearing of it (an erasure replayed after a restore)
            return new Attempt(Outcome.GONE, message, null, clock.instant());
        }
        Optional<String> refusal =
                marketing.refusal(message.site(), message.subject(), message.kind(), message.purpose());
        if (refusal.isPresent()) {
            return new Attempt(Outcome.DROPPED, message, refusal.get(), clock.instant());
        }
        if (held(message)) {
            return new Attempt(Outcome.HELD, message, null, clock.instant().plus(settings.holdRecheck()));
        }
        try {
            connection.send(message.messageId(), envelope.get());
            return new Attempt(Outcome.SENT, message, null, clock.instant());
        } catch (SmtpRefusal refused) {
            return new Attempt(
                    refused.permanent() ? Outcome.REFUSED : Outcome.FAILED,
                    message,
                    refused.describe(),
                    clock.instant());
        } catch (MailException e) {
            return new Attempt(Outcome.FAILED, message, MailErrors.describe(e), clock.instant());
        }
    }

    private boolean held(OutboxMessage message) {
        return holds.stream()
                .anyMatch(hold -> hold.holds(message.subject(), message.site(), message.kind(), message.category()));
    }

    @Override
    public void record(List<Settled<Attempt>> settled) {
        for (Settled<Attempt> each : settled) {
            Attempt attempt = each.result();
            if (attempt == null) {
                abandoned(each.item().id(), each.settlement());
            } else if (attempt.message() == null || attempt.outcome() == Outcome.GONE) {
                outbox.delete(each.item().id(), clock.instant());
            } else {
                record(attempt.message(), attempt, each.settlement());
            }
        }
    }

    private void record(OutboxMessage message, Attempt attempt, Settlement settlement) {
        switch (attempt.outcome()) {
            case SENT -> {
                outbox.markSent(message.id(), settlement.attempts(), transport.name(), attempt.at());
                metrics.counted(message.kind(), MailStatus.SENT);
            }
            case DROPPED -> {
                outbox.markDropped(message.id(), attempt.detail());
                metrics.counted(message.kind(), MailStatus.DROPPED);
            }
            case HELD -> {
                outbox.markHeld(message.id(), attempt.at());
                if (message.status() != MailStatus.HELD) {
                    metrics.counted(message.kind(), MailStatus.HELD);
                }
            }
            case REFUSED -> {
                outbox.markFailed(message.id(), settlement.attempts(), "refused " + attempt.detail());
                metrics.counted(message.kind(), MailStatus.FAILED);
            }
            default -> failed(message, settlement);
        }
    }

    private void failed(OutboxMessage message, Settlement settlement) {
        if (settlement.kind() == Settlement.Kind.GAVE_UP) {
            outbox.markFailed(message.id(), settlement.attempts(), settlement.error());
            metrics.counted(message.kind(), MailStatus.FAILED);
            log.warn(
                    "Mail {} failed for good after {} attempts: {}",
                    message.id(),
                    settlement.attempts(),
                    settlement.error());
            return;
        }
        outbox.markRetry(message.id(), settlement.attempts(), settlement.nextAttemptAt(), settlement.error());
        log.info(
                "Mail {} attempt {} failed ({}); next attempt at {}",
                message.id(),
                settlement.attempts(),
                settlement.error(),
                settlement.nextAttemptAt());
    }

    /** Twice in flight when its node stopped: it may have gone out already, so it is not sent a third time. */
    private void abandoned(UUID id, Settlement settlement) {
        outbox.waiting(List.of(id)).forEach(message -> {
            outbox.markFailed(id, settlement.attempts(), settlement.error());
            metrics.counted(message.kind(), MailStatus.FAILED);
            log.warn("Mail {} given up: {}", id, settlement.error());
        });
    }
}
