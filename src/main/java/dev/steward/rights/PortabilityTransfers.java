package dev.steward.rights;

import dev.steward.platform.Lease;
import dev.steward.platform.Outbound;
import dev.steward.platform.OutboundHttp;
import dev.steward.platform.OutboundItem;
import dev.steward.platform.OutboundJob;
import dev.steward.vault.Vault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a subject's portable data directly to the address they gave (GDPR Art. 20(2)) as an {@link Outbound} job:
 * queued when staff fulfil the request, pushed afterwards with no transaction open, retried with the queue's pauses.
 * The address is checked when the request is made and again, by the connection itself, when the data goes. Every
 * attempt carries the transfer's id as {@code Idempotency-Key}, so a receiver can recognise a push sent again after a
 * crash. The requester is told by e-mail once the receiver accepted the data or it could not be delivered.
 */
@Component
class PortabilityTransfers implements OutboundJob<PortabilityTransfers.Push> {

    static final String JOB = "portability-transfer";
    private static final Push GONE = new Push(null, null, new OutboundHttp.Answer(null, null));

    private final TransferTargets targets;
    private final TransferRepository transfers;
    private final RequestRepository requests;
    private final RequestRecords records;
    private final RightsMail mail;
    private final RequestWords words;
    private final Vault vault;
    private final OutboundHttp http;
    private final Outbound outbound;
    private final Clock clock;

    PortabilityTransfers(
            TransferTargets targets,
            TransferRepository transfers,
            RequestRepository requests,
            RequestRecords records,
            RightsMail mail,
            RequestWords words,
            Vault vault,
            OutboundHttp http,
            Outbound outbound,
            Clock clock) {
        this.targets = targets;
        this.transfers = transfers;
        this.requests = requests;
        this.records = records;
        this.mail = mail;
        this.words = words;
        this.vault = vault;
        this.http = http;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** Queues the push in the caller's transaction; answers a sentence for the requester about it. */
    String queue(RightsRequest request, String target, byte[] document) {
        if (targets.check(target).isPresent()) {
            String refused = words.words(request, "rights.outcome.transfer.refused");
            records.log(request, "transfer-refused", "steward", refused);
            return refused;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transfers.insert(
                id,
                request.id(),
                request.subject(),
                vault.seal(request.subject(), target.strip().getBytes(StandardCharsets.UTF_8), context(id) + ":target"),
                vault.seal(request.subject(), document, context(id)),
                now);
        outbound.enqueue(JOB, id, now);
        return words.words(request, "rights.outcome.transfer.queued", host(target));
    }

    /** One attempt: the receiver's answer; no request when the transfer is gone. */
    record Push(@Nullable UUID request, @Nullable String host, OutboundHttp.Answer answer)
            implements OutboundJob.Result {

        @Override
        public Next next() {
            return request == null || answer.accepted() ? Next.done() : Next.retry(answer.failure());
        }
    }

    int deliverDue() {
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
    public Map<UUID, Push> attempt(List<OutboundItem> items, Lease lease) {
        return lease.attemptEach(
                items,
                attemptBound(),
                item -> transfers
                        .pending(item.id())
                        .map(pending -> push(pending, lease))
                        .orElse(GONE));
    }

    private Push push(TransferRepository.Pending pending, Lease lease) {
        Optional<String> target = vault.open(pending.subject(), pending.target(), context(pending.id()) + ":target")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        Optional<byte[]> document = vault.open(pending.subject(), pending.document(), context(pending.id()));
        if (target.isEmpty() || document.isEmpty()) {
            return GONE;
        }
        OutboundHttp.Answer answer = http.post(
                URI.create(target.get()),
                Map.of("Idempotency-Key", pending.id().toString()),
                ContentType.APPLICATION_JSON,
                document.get(),
                lease);
        return new Push(pending.request(), host(target.get()), answer);
    }

    @Override
    public void record(List<Settled<Push>> settled) {
        for (Settled<Push> each : settled) {
            UUID id = each.item().id();
            Push push = each.result();
            Settlement settlement = each.settlement();
            if (push == null) {
                transfers.pending(id).ifPresent(pending -> settle(id, pending.request(), null, settlement));
            } else if (push.request() != null && settlement.kind() == Settlement.Kind.RETRY) {
                transfers.retry(id, settlement.attempts(), settlement.error());
            } else if (push.request() != null) {
                settle(id, push.request(), push.host(), settlement);
            }
        }
    }

    private void settle(UUID id, UUID requestId, @Nullable String host, Settlement settlement) {
        boolean accepted = settlement.kind() == Settlement.Kind.DONE;
        String error = accepted ? null : settlement.error();
        transfers.settle(id, accepted, settlement.attempts(), error, clock.instant());
        requests.find(requestId).ifPresent(request -> {
            String where = host == null ? words.words(request, "rights.outcome.transfer.your-address") : host;
            String outcome = accepted
                    ? words.words(request, "rights.outcome.transfer.accepted", where)
                    : words.words(request, "rights.outcome.transfer.failed", where, settlement.attempts());
            records.log(request, accepted ? "transferred" : "transfer-failed", "steward", outcome);
            records.details(request).ifPresent(details -> mail.transferred(request, details.email(), outcome));
        });
    }

    private static String host(String target) {
        return URI.create(target.strip()).getHost();
    }

    private static String context(UUID transfer) {
        return "portability-transfer:" + transfer;
    }
}
