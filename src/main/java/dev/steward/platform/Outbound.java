package dev.steward.platform;

import dev.steward.platform.OutboundSettler.Attempts;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every outbound job of Steward the same way, so that no network call happens inside a transaction and a node
 * that dies loses nothing: a worker claims a few due items under a lease in one short transaction, attempts them
 * with no transaction open, and records the outcome in another. Just before an item goes out its attempt is marked as
 * started ({@link StartMarks}). A node that stops mid-way leaves its lease to expire; the items are then claimed
 * again, and those whose attempt had started are counted as interrupted. Since such an attempt may have gone out, it
 * is retried once more at most: delivery is at least once, and every item keeps one id across attempts so that the
 * receiving side can tell a repeat. An item claimed but not started (the rest of a chunk, a chunk claimed ahead) comes
 * back as untried work, however often nodes die. Several nodes share the queue: an item is leased to one node at a
 * time.
 */
@Service
public class Outbound implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private final OutboundQueue queue;
    private final OutboundSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OutboundSettler settler;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> daemon(runnable, "outbound-"));
    /** Claims and prepares the next chunks of the jobs that claim one ahead ({@link OutboundJob.ClaimedAhead}). */
    private final ExecutorService ahead =
            Executors.newCachedThreadPool(runnable -> daemon(runnable, "outbound-ahead-"));

    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "outbound-watchdog-"));
    private volatile boolean stopping;

    Outbound(
            OutboundQueue queue,
            OutboundSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            OutboundMetrics metrics) {
        this.queue = queue;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.settler = new OutboundSettler(queue, settings, transaction, clock, metrics);
    }

    /** Queues an item for its first attempt at {@code due}, in the caller's transaction: it goes if that commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String job, UUID item, Instant due) {
        queue.insert(job, item, due);
    }

    /** Queues many items at once for their first attempt at {@code due}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(String job, Collection<UUID> items, Instant due) {
        if (!items.isEmpty()) {
            queue.insertAll(job, items, due);
        }
    }

    /**
     * Takes items out of the queue before they are sent (a campaign paused or cancelled); an item a node holds at the
     * moment is not taken, and its job decides at its attempt. Answers the items taken.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> withdraw(String job, Collection<UUID> items) {
        return items.isEmpty() ? List.of() : queue.withdraw(job, items);
    }

    /**
     * Attempts every item of the job that is due, with the job's workers, until none is left; answers how many items
     * were settled. Runs beside other nodes and other runs on this one: each claims different items.
     */
    public <R extends OutboundJob.Result> int drain(OutboundJob<R> job) {
        if (stopping) {
            return 0;
        }
        if (Lease.usable(settings.lease()).compareTo(job.attemptBound()) <= 0) {
            throw new IllegalStateException("steward.outbound.lease is too short for one attempt of " + job.name()
                    + " (" + job.attemptBound() + ")");
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < job.parallelism(); i++) {
            running.add(workers.submit(() -> work(job)));
        }
        int settled = 0;
        for (Future<Integer> worker : running) {
            settled += await(worker);
        }
        return settled;
    }

    private <R extends OutboundJob.Result> int work(OutboundJob<R> job) {
        if (job instanceof OutboundJob.ClaimedAhead<R, ?> claimsAhead) {
            return workAhead(claimsAhead);
        }
        int settled = 0;
        boolean more = true;
        while (more && !stopping) {
            Lease lease = lease(job);
            List<OutboundItem> claimed = claim(job, lease);
            Attempts<R> attempts = attempt(job, claimed, lease);
            if (!claimed.isEmpty()) {
                settler.settle(job, claimed, attempts, lease);
                settled += claimed.size();
            }
            // a chunk the job left untouched goes back as it was: claiming it again at once would only spin
            more = claimed.size() == job.chunk() && !attempts.results().isEmpty();
        }
        return settled;
    }

    /**
     * The worker of a job that claims one ahead: the next chunk is claimed and prepared on another thread while this
     * one is attempted, and attempted once this one is settled. WHY: between two chunks the worker otherwise waits for
     * the claim's commit (a flush of the WAL) and the next chunk's reads, and with the mail server on the same machine
     * the cores stood partly idle meanwhile (bench/README.md).
     */
    private <R extends OutboundJob.Result, P> int workAhead(OutboundJob.ClaimedAhead<R, P> job) {
        int settled = 0;
        Chunk<P> next = claimAhead(job);
        while (!next.claimed().isEmpty()) {
            Chunk<P> current = next;
            // WHY not only after a full chunk: a claim may come back short while more is due (a row rescheduled
            // between its scan and its update is left for the next claim), and the worker would then stop until the
            // job's next run; at the queue's end this costs one claim that finds nothing
            Future<Chunk<P>> following = !stopping ? ahead.submit(() -> claimAhead(job)) : null;
            Attempts<R> attempts = attempt(job, current);
            settler.settle(job, current.claimed(), attempts, Objects.requireNonNull(current.lease()));
            settled += current.claimed().size();
            next = following == null ? Chunk.none() : awaitChunk(following);
            if ((attempts.results().isEmpty() || stopping) && !next.claimed().isEmpty()) {
                // nothing went out of this chunk (the lease ran short, the job failed, the node stops): the chunk
                // claimed ahead goes back untouched, due at once, as the rest of this one did
                settler.settle(
                        job, next.claimed(), new Attempts<>(Map.of(), false), Objects.requireNonNull(next.lease()));
                settled += next.claimed().size();
                next = Chunk.none();
            }
        }
        return settled;
    }

    /** A chunk claimed under its lease, and what the job prepared for the items it attempts. */
    private record Chunk<P>(
            @Nullable Lease lease,
            List<OutboundItem> claimed,
            List<OutboundItem> attempted,
            @Nullable P prepared) {

        static <P> Chunk<P> none() {
            return new Chunk<>(null, List.of(), List.of(), null);
        }
    }

    private <P> Chunk<P> claimAhead(OutboundJob.ClaimedAhead<?, P> job) {
        if (stopping) {
            return Chunk.none();
        }
        Lease lease = lease(job);
        List<OutboundItem> claimed = claim(job, lease);
        List<OutboundItem> attempted =
                claimed.stream().filter(item -> item.interrupted() < 2).toList();
        if (attempted.isEmpty()) {
            return new Chunk<>(lease, claimed, attempted, null);
        }
        try {
            return new Chunk<>(lease, claimed, attempted, job.prepare(attempted));
        } catch (RuntimeException e) {
            logFailure(job, attempted.size(), e);
            return new Chunk<>(lease, claimed, attempted, null);
        }
    }

    private <R extends OutboundJob.Result, P> Attempts<R> attempt(OutboundJob.ClaimedAhead<R, P> job, Chunk<P> chunk) {
        P prepared = chunk.prepared();
        if (prepared == null && !chunk.attempted().isEmpty()) {
            // the preparation failed: the items wait the pause a failure earns
            return new Attempts<>(Map.of(), true);
        }
        Lease lease = Objects.requireNonNull(chunk.lease());
        return attempt(
                job, chunk.attempted(), () -> job.attempt(chunk.attempted(), Objects.requireNonNull(prepared), lease));
    }

    private static <P> Chunk<P> awaitChunk(Future<Chunk<P>> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Chunk.none();
        } catch (ExecutionException e) {
            // the claim itself failed (the database gone): nothing was claimed, or it comes back at the lease's end
            log.error("Claiming ahead failed: {}", e.getCause().getClass().getName());
            return Chunk.none();
        }
    }

    /**
     * A new lease for a chunk of the job. Its items are marked as started (each mark in a statement of its own, with no
     * transaction open) just before they go, the next window of them on the thread that claims ahead.
     */
    private Lease lease(OutboundJob<?> job) {
        UUID id = UUID.randomUUID();
        return new Lease(
                id, settings.lease(), watchdog, () -> stopping, items -> queue.start(job.name(), id, items), ahead);
    }

    private List<OutboundItem> claim(OutboundJob<?> job, Lease lease) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transaction.execute(
                status -> queue.claim(job.name(), now, job.chunk(), lease.id(), node, now.plus(settings.lease())));
    }

    private <R extends OutboundJob.Result> Attempts<R> attempt(
            OutboundJob<R> job, List<OutboundItem> claimed, Lease lease) {
        List<OutboundItem> attempted =
                claimed.stream().filter(item -> item.interrupted() < 2).toList();
        return attempt(job, attempted, () -> job.attempt(attempted, lease));
    }

    private static <R> Attempts<R> attempt(
            OutboundJob<?> job, List<OutboundItem> attempted, Supplier<Map<UUID, R>> attempt) {
        if (attempted.isEmpty()) {
            return new Attempts<>(Map.of(), false);
        }
        try {
            return new Attempts<>(attempt.get(), false);
        } catch (RuntimeException e) {
            // a fault of the job itself, or the database gone: the items wait the pause a failure earns
            logFailure(job, attempted.size(), e);
            return new Attempts<>(Map.of(), true);
        }
    }

    private static void logFailure(OutboundJob<?> job, int items, RuntimeException e) {
        // the exception's kinds only: its message may carry a recipient's address or a row's values
        log.error(
                "Outbound job {} failed on {} items: {} (cause: {})",
                job.name(),
                items,
                e.getClass().getName(),
                NestedExceptionUtils.getMostSpecificCause(e).getClass().getName());
    }

    private static int await(Future<Integer> worker) {
        try {
            return worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            log.error("An outbound worker failed", e.getCause());
            return 0;
        }
    }

    private Thread daemon(Runnable runnable, String prefix) {
        Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * On shutdown no new attempt starts; the attempts under way are given a moment to finish and be recorded, and
     * the items not started go back to the queue, so a clean stop interrupts nothing.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("Outbound attempts still running at shutdown: their items are retried once their lease ends");
        }
        // after the workers: a worker that stops hands back the chunk claimed ahead for it, so it waits for that claim
        ahead.shutdown();
        ahead.awaitTermination(5, TimeUnit.SECONDS);
        watchdog.shutdownNow();
    }
}
