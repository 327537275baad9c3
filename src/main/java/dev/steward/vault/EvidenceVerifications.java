package dev.steward.vault;

import dev.steward.platform.HashChain;
import dev.steward.platform.OrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Verifications of every evidence chain started from the console, the API or the node's schedule. One reads every row
 * of every chain (some two minutes for the 18,000,000 rows of a 10,000,000-person ledger), longer than anyone should
 * wait for an answer, so each runs in the background and writes how many rows it has checked to its row, at most a
 * few times a second, and then its result, where any node's console and the API find it. A node runs one verification
 * at a time: asked for another meanwhile, it answers the one it runs. A verification whose row has been silent for
 * {@link #SILENT} has lost its node, and is marked interrupted when the next one starts.
 */
@Component
class EvidenceVerifications {

    static final Duration SILENT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(EvidenceVerifications.class);

    private static final long WRITE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ChainCheckpoints checkpoints;
    private final EvidenceVerificationRepository repository;
    private final OrderedIds ids;
    private final Clock clock;
    private final TaskExecutor executor;

    /** The verification this node runs, with the rows it has checked so far; none when it runs none. */
    private @Nullable Running running;

    private record Running(UUID id, AtomicLong checked) {}

    /** A verification asked for: the one started, or the one this node was running already. */
    record Started(EvidenceVerification verification, boolean alreadyRunning) {}

    EvidenceVerifications(
            ChainCheckpoints checkpoints,
            EvidenceVerificationRepository repository,
            OrderedIds ids,
            Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.checkpoints = checkpoints;
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Starts a verification in the background, unless this node runs one already: then answers that one.
     *
     * @param initiator {@code console}, {@code api} or {@code schedule}
     * @param startedBy the member of staff who asked; none for the schedule
     */
    synchronized Started start(String initiator, @Nullable String startedBy) {
        if (running != null) {
            UUID id = running.id();
            return new Started(find(id).orElseThrow(), true);
        }
        repository.interruptStale(clock.instant().minus(SILENT), null);
        UUID id = ids.next();
        repository.start(id, initiator, startedBy, checkpoints.rowsToVerify(), clock.instant());
        Running started = new Running(id, new AtomicLong());
        running = started;
        try {
            executor.execute(() -> run(started));
        } catch (RuntimeException e) {
            running = null;
            repository.fail(id, 0, clock.instant());
            throw e;
        }
        return new Started(find(id).orElseThrow(), false);
    }

    /** The verification, with the rows checked up to now if this node runs it. */
    Optional<EvidenceVerification> find(UUID id) {
        return repository.find(id).map(this::live);
    }

    /** The latest verifications, newest first. */
    List<EvidenceVerification> recent(int limit) {
        return repository.recent(limit).stream().map(this::live).toList();
    }

    private synchronized EvidenceVerification live(EvidenceVerification verification) {
        return running != null && running.id().equals(verification.id()) && verification.running()
                ? verification.checked(running.checked().get())
                : verification;
    }

    private void run(Running job) {
        long[] written = {System.nanoTime()};
        try {
            List<HashChain.Verification> results = checkpoints.verifyAll(rows -> {
                long checked = job.checked().addAndGet(rows);
                long now = System.nanoTime();
                if (now - written[0] >= WRITE_EVERY_NANOS) {
                    written[0] = now;
                    repository.progress(job.id(), checked, clock.instant());
                }
            });
            repository.finish(
                    job.id(),
                    job.checked().get(),
                    results.stream().map(EvidenceVerification.Chain::of).toList(),
                    clock.instant());
            results.stream()
                    .filter(result -> !result.intact())
                    .forEach(result -> log.error("Evidence chain broken: {}", result.describe()));
        } catch (RuntimeException e) {
            log.error("The verification {} of the evidence chains stopped on an error", job.id(), e);
            repository.fail(job.id(), job.checked().get(), clock.instant());
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }
}
