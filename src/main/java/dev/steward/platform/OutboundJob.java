package dev.steward.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One kind of outbound work (mail, webhooks, transfers, campaigns) as {@link Outbound} runs it: items are claimed
 * under a lease in a short transaction, attempted by {@link #attempt} with no transaction open, and their results
 * recorded by {@link #record} in the transaction that settles them in the queue.
 *
 * @param <R> what an attempt found out about an item, as the job needs it to record the outcome
 */
public interface OutboundJob<R extends OutboundJob.Result> {

    /** The key of the job's items in the queue; never changed once items were queued under it. */
    String name();

    /** Items one worker claims at a time: the most that are sent again if the node dies while sending them. */
    default int chunk() {
        return 10;
    }

    /** Workers of one node sending at once, each with its own claim. */
    default int parallelism() {
        return 2;
    }

    /** The longest one attempt may take; an item is not started when less than this is left of the lease. */
    Duration attemptBound();

    /**
     * Attempts the claimed items, with no transaction open. Each attempt must end by the lease's deadline
     * ({@link Lease#guard}), and each item be marked as started just before it can reach the other side
     * ({@link Lease#starts}, which {@link Lease#attemptEach} does): only a marked item counts as interrupted if the node
     * dies. An item without a result in the answer was not attempted and goes back to the queue.
     */
    Map<UUID, R> attempt(List<OutboundItem> items, Lease lease);

    /** Records what happened, in the transaction that settles the items in the queue. */
    void record(List<Settled<R>> settled);

    /**
     * A job whose worker claims its next chunk one ahead: while the worker attempts a chunk, the next one is claimed
     * and prepared ({@link #prepare}: read and checked, in the database) on another thread, so that the worker goes on
     * from one chunk to the next without waiting for the database in between. The items claimed ahead are not
     * attempted before the chunk in hand is settled, so a crash still repeats at most that chunk; those claimed ahead
     * were never marked as started, and come back at the lease's end as untried work, interrupted attempts not
     * counted, like the rest of a chunk in flight that had not started.
     *
     * @param <P> what {@link #prepare} found out, as {@link #attempt(List, Object, Lease)} needs it
     */
    interface ClaimedAhead<R extends Result, P> extends OutboundJob<R> {

        /** Prepares the attempt of the claimed items, with no transaction open, before the attempt and apart from it. */
        P prepare(List<OutboundItem> items);

        /** {@link #attempt(List, Lease)}, with what {@link #prepare} found out about the same items. */
        Map<UUID, R> attempt(List<OutboundItem> items, P prepared, Lease lease);

        @Override
        default Map<UUID, R> attempt(List<OutboundItem> items, Lease lease) {
            return attempt(items, prepare(items), lease);
        }
    }

    /** What to do with an item after an attempt. */
    interface Result {
        Next next();
    }

    /** Done (sent, or nothing left to send); tried again after a pause; or looked at again later without a try. */
    sealed interface Next {

        record Done() implements Next {}

        record Retry(String error) implements Next {}

        record Later(Instant at) implements Next {}

        static Next done() {
            return new Done();
        }

        static Next retry(String error) {
            return new Retry(error);
        }

        static Next later(Instant at) {
            return new Later(at);
        }
    }

    /**
     * An item's outcome as the queue settled it. {@code result} is null for an item given up because its attempts
     * were interrupted twice (the node stopped before it could record them).
     */
    record Settled<R>(OutboundItem item, @Nullable R result, Settlement settlement) {}

    /**
     * @param kind what the queue did with the item
     * @param attempts attempts made so far, interrupted ones included
     * @param nextAttemptAt when it is tried or looked at again (retry and later)
     * @param error why the last attempt failed (retry, gave up, abandoned)
     */
    record Settlement(
            Kind kind,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String error) {

        public enum Kind {
            DONE,
            RETRY,
            GAVE_UP,
            LATER,
            /** Interrupted twice in flight: given up without a further try, since it may have gone out already. */
            ABANDONED
        }
    }
}
