package dev.steward.platform;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The queue's rules for an item after an attempt: done, tried again after a pause, given up, or abandoned. */
final class OutboundSettlements {

    private static final String INTERRUPTED = "interrupted twice while in flight";

    private OutboundSettlements() {}

    /**
     * What the queue does with an item after its attempt. An item without a result was not attempted (the lease ran
     * short, the node is stopping) and is due again at once, or after a pause when the job failed as a whole.
     */
    static OutboundJob.Settlement of(
            OutboundSettings settings,
            OutboundItem item,
            OutboundJob.@Nullable Result result,
            boolean failed,
            Instant now) {
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
