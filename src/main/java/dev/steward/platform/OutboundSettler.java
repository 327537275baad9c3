package dev.steward.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles a chunk in the queue after its attempt, in one transaction with the job's record of the outcomes: done,
 * tried again after a pause, given up, looked at later, or abandoned after two interrupted attempts. Only what the
 * lease still holds is settled.
 */
final class OutboundSettler {

    /** Under the outbound queue's name, as before this class was split from it. */
    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private static final String INTERRUPTED = "interrupted twice while in flight";

    private final OutboundQueue queue;
    private final OutboundSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OutboundMetrics metrics;

    OutboundSettler(
            OutboundQueue queue,
            OutboundSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            OutboundMetrics metrics) {
        this.queue = queue;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The job's results; failed when the job itself threw, so that no result came back. */
    record Attempts<R>(Map<UUID, R> results, boolean failed) {}

    <R extends OutboundJob.Result> void settle(
            OutboundJob<R> job, List<OutboundItem> claimed, Attempts<R> attempts, Lease lease) {
        List<OutboundJob.Settlement.Kind> outcomes = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            outcomes.clear();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Map<UUID, OutboundJob.Settlement> settlements = new HashMap<>();
            List<UUID> finished = new ArrayList<>();
            List<OutboundQueue.Due> again = new ArrayList<>();
            for (OutboundItem item : claimed) {
                OutboundJob.Settlement settlement =
                        settlement(item, attempts.results().get(item.id()), attempts.failed(), now);
                settlements.put(item.id(), settlement);
                switch (settlement.kind()) {
                    case RETRY, LATER ->
                        again.add(new OutboundQueue.Due(item.id(), settlement.nextAttemptAt(), settlement.attempts()));
                    default -> finished.add(item.id());
                }
            }
            // each statement settles only what this lease still holds, and locks it until the transaction ends
            Set<UUID> held = new HashSet<>(queue.remove(job.name(), lease.id(), finished));
            held.addAll(queue.reschedule(job.name(), lease.id(), again));
            List<OutboundJob.Settled<R>> settled = new ArrayList<>();
            for (OutboundItem item : claimed) {
                if (!held.contains(item.id())) {
                    log.warn("Outbound job {}: the lease on item {} passed to another node", job.name(), item.id());
                    continue;
                }
                R result = attempts.results().get(item.id());
                OutboundJob.Settlement settlement = settlements.get(item.id());
                outcomes.add(settlement.kind());
                if (result != null || item.interrupted() >= 2) {
                    settled.add(new OutboundJob.Settled<>(item, result, settlement));
                }
            }
            job.record(settled);
        });
        // counted once the outcomes are on record
        outcomes.forEach(outcome -> metrics.settled(job.name(), outcome));
    }

    /**
     * What the queue does with an item after its attempt. An item without a result was not attempted (the lease ran
     * short, the node is stopping) and is due again at once, or after a pause when the job failed as a whole.
     */
    private OutboundJob.Settlement settlement(
            OutboundItem item, OutboundJob.@Nullable Result result, boolean failed, Instant now) {
        if (item.interrupted() >= 2) {
            return new OutboundJob.Settlement(
                    OutboundJob.Settlement.Kind.ABANDONED, item.attempts(), null, INTERRUPTED);
        }
        if (result == null) {
            Instant again = failed ? now.plus(settings.pauseAfter(item.attempts() + 1)) : now;
            return new OutboundJob.Settlement(OutboundJob.Settlement.Kind.LATER, item.attempts(), again, null);
        }
        OutboundJob.Next next = result.next();
        int attempts = item.attempts() + 1;
        if (next instanceof OutboundJob.Next.Later later) {
            return new OutboundJob.Settlement(OutboundJob.Settlement.Kind.LATER, item.attempts(), later.at(), null);
        }
        if (!(next instanceof OutboundJob.Next.Retry retry)) {
            return new OutboundJob.Settlement(OutboundJob.Settlement.Kind.DONE, attempts, null, null);
        }
        if (attempts >= settings.maxAttempts()) {
            return new OutboundJob.Settlement(OutboundJob.Settlement.Kind.GAVE_UP, attempts, null, retry.error());
        }
        return new OutboundJob.Settlement(
                OutboundJob.Settlement.Kind.RETRY, attempts, now.plus(settings.pauseAfter(attempts)), retry.error());
    }
}
