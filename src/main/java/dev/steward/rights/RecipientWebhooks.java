package dev.steward.rights;

import dev.steward.catalog.Recipient;
import dev.steward.platform.Lease;
import dev.steward.platform.Outbound;
import dev.steward.platform.OutboundHttp;
import dev.steward.platform.OutboundItem;
import dev.steward.platform.OutboundJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sends recipient notices by webhook as an {@link Outbound} job, signed the Standard Webhooks way. A notice keeps one
 * {@code webhook-id} (its own id) across attempts, so a recipient can recognise a notice sent again after a crash.
 * Every attempt is recorded; a recipient whose endpoint keeps failing, or that has no endpoint or secret any more,
 * becomes a task for staff.
 */
@Component
class RecipientWebhooks implements OutboundJob<RecipientWebhooks.Delivery> {

    static final String JOB = "recipient-webhook";
    private static final String NO_ENDPOINT = "no webhook or secret configured";
    private static final OutboundHttp.Answer NOTHING = new OutboundHttp.Answer(null, null);

    private final RecipientNoticeRepository repository;
    private final RecipientNotices notices;
    private final OutboundHttp http;
    private final Outbound outbound;
    private final Environment environment;
    private final Clock clock;

    RecipientWebhooks(
            RecipientNoticeRepository repository,
            RecipientNotices notices,
            OutboundHttp http,
            Outbound outbound,
            Environment environment,
            Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.http = http;
        this.outbound = outbound;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * One attempt: the endpoint's answer. {@code noEndpoint} when there was nothing to send it to; {@code pending}
     * false when the notice was settled meanwhile (staff confirmed it, or it is gone).
     */
    record Delivery(boolean pending, boolean noEndpoint, OutboundHttp.Answer answer, Instant at)
            implements OutboundJob.Result {

        @Override
        public Next next() {
            return !pending || noEndpoint || answer.accepted() ? Next.done() : Next.retry(answer.failure());
        }
    }

    /** Sends every notice that is due, beside whatever other nodes send; answers how many were settled. */
    public int deliverDue() {
        return outbound.drain(this);
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public Duration attemptBound() {
        return http.attemptBound();
    }

    @Override
    public Map<UUID, Delivery> attempt(List<OutboundItem> items, Lease lease) {
        return lease.attemptEach(
                items,
                attemptBound(),
                item -> repository
                        .find(item.id())
                        .filter(notice -> notice.status() == RecipientNotice.Status.PENDING
                                && notice.channel() == RecipientNotice.Channel.WEBHOOK)
                        .map(notice -> deliver(notice, lease))
                        .orElseGet(() -> new Delivery(false, false, NOTHING, clock.instant())));
    }

    private Delivery deliver(RecipientNotice notice, Lease lease) {
        Optional<Recipient.Webhook> webhook = notices.webhookOf(notice.site(), notice.recipient());
        String secret = webhook.map(w -> environment.getProperty(w.secretEnv())).orElse(null);
        Optional<String> body = notices.message(notice.id());
        Instant now = clock.instant();
        if (webhook.isEmpty() || secret == null || secret.isBlank() || body.isEmpty()) {
            return new Delivery(true, true, new OutboundHttp.Answer(null, NO_ENDPOINT), now);
        }
        String id = notice.id().toString();
        long timestamp = now.getEpochSecond();
        OutboundHttp.Answer answer = http.post(
                URI.create(webhook.get().url()),
                Map.of(
                        "webhook-id", id,
                        "webhook-timestamp", Long.toString(timestamp),
                        "webhook-signature", WebhookSignature.sign(secret, id, timestamp, body.get())),
                ContentType.APPLICATION_JSON,
                body.get().getBytes(StandardCharsets.UTF_8),
                lease);
        return new Delivery(true, false, answer, now);
    }

    @Override
    public void record(List<Settled<Delivery>> settled) {
        for (Settled<Delivery> each : settled) {
            UUID id = each.item().id();
            Delivery delivery = each.result();
            Settlement settlement = each.settlement();
            if (delivery == null) {
                repository.delivery(id, clock.instant(), null, settlement.error());
                repository.handOver(id, settlement.attempts());
            } else if (delivery.pending()) {
                record(id, delivery, settlement);
            }
        }
    }

    private void record(UUID id, Delivery delivery, Settlement settlement) {
        repository.delivery(
                id, delivery.at(), delivery.answer().status(), delivery.answer().error());
        if (delivery.answer().accepted()) {
            repository.acknowledged(id, settlement.attempts(), delivery.at());
        } else if (settlement.kind() == Settlement.Kind.RETRY) {
            repository.retryAt(id, settlement.attempts(), settlement.nextAttemptAt());
        } else {
            repository.handOver(id, settlement.attempts());
        }
    }
}
