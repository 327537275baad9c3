package dev.steward.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A node's claim on some outbound items until a deadline, after which another node may claim them. Every attempt
 * must be over by then, or two nodes could send the same item at once: {@link #allows} says whether one may still
 * start, and {@link #guard} aborts one that is still running at the deadline.
 */
public final class Lease {

    /** Attempts end this long before the lease does, so that clocks a little apart cannot overlap two claims. */
    private static final double USABLE = 0.9;

    private final UUID id;
    private final long deadline;
    private final ScheduledExecutorService watchdog;
    private final BooleanSupplier stopping;
    /** Marks items of this lease as started in the queue; answers those it still holds. */
    private final Function<List<UUID>, List<UUID>> start;

    private final Executor marking;

    /** A lease whose items are held to the end and need no mark (outside the queue: tests of one attempt). */
    Lease(UUID id, Duration length, ScheduledExecutorService watchdog, BooleanSupplier stopping) {
        this(id, length, watchdog, stopping, items -> items, Runnable::run);
    }

    Lease(
            UUID id,
            Duration length,
            ScheduledExecutorService watchdog,
            BooleanSupplier stopping,
            Function<List<UUID>, List<UUID>> start,
            Executor marking) {
        this.id = id;
        this.deadline = System.nanoTime() + usable(length).toNanos();
        this.watchdog = watchdog;
        this.stopping = stopping;
        this.start = start;
        this.marking = marking;
    }

    /** How much of a lease of this length attempts may use. */
    static Duration usable(Duration length) {
        return Duration.ofNanos((long) (length.toNanos() * USABLE));
    }

    UUID id() {
        return id;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Whether an attempt that takes at most {@code bound} may start: the node is not stopping and it ends in time. */
    public boolean allows(Duration bound) {
        return !stopping.getAsBoolean() && remaining().compareTo(bound) > 0;
    }

    /**
     * The marks of an attempt at these items, in the order they are attempted: a job calls {@link StartMarks#begin}
     * for each item just before it can reach the other side (the message handed to the mail server, the request
     * sent), never for an item it settles without sending. Only an item so begun counts as interrupted if the node
     * dies before its outcome is recorded.
     */
    public StartMarks starts(List<OutboundItem> items) {
        return new StartMarks(items, start, marking);
    }

    /**
     * Attempts the items one after the other while the lease leaves time for one more attempt of at most {@code
     * bound}, each marked as started ({@link #starts}) before it is attempted; the items it did not get to are left
     * out of the answer, and so go back to the queue untouched.
     */
    public <R> Map<UUID, R> attemptEach(List<OutboundItem> items, Duration bound, Function<OutboundItem, R> attempt) {
        Map<UUID, R> results = new LinkedHashMap<>();
        StartMarks starts = starts(items);
        for (OutboundItem item : items) {
            if (!allows(bound)) {
                break;
            }
            // an item whose lease passed to another node is left to it
            if (starts.begin(item)) {
                results.put(item.id(), attempt.apply(item));
            }
        }
        return results;
    }

    /** Calls {@code abort} (closing a socket, cancelling a request) if the deadline comes before the guard closes. */
    public Guard guard(Runnable abort) {
        ScheduledFuture<?> timer = watchdog.schedule(abort, remaining().toNanos(), TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }

    /** Ends a {@link #guard}. */
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
