package dev.steward.retention;

import dev.steward.vault.RecordSummary;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention sweep: erases, through the vault, every record due at the start of the run, in bounded batches of
 * one transaction each, then expires the data other modules keep outside the vault, and issues a deletion
 * certificate for the run. Each batch claims its records with {@code FOR UPDATE SKIP LOCKED}, so nodes sweeping at
 * once share the work and never process a record twice. Held records are not claimed; records whose statutory
 * minimum has not passed are kept and their due time moved to its end.
 */
@Service
class Sweeper {

    static final String REASON = "retention: due";
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final Vault vault;
    private final LegalHolds holds;
    private final RetentionRules rules;
    private final List<ExpiringData> otherData;
    private final DeletionCertificates certificates;
    private final RetentionMetrics metrics;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicReference<@Nullable SweepProgress> current = new AtomicReference<>();

    Sweeper(
            Vault vault,
            LegalHolds holds,
            RetentionRules rules,
            List<ExpiringData> otherData,
            DeletionCertificates certificates,
            RetentionMetrics metrics,
            RetentionSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.vault = vault;
        this.holds = holds;
        this.rules = rules;
        this.otherData = otherData;
        this.certificates = certificates;
        this.metrics = metrics;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a run did, and the certificate it issued (none when nothing was due). */
    record Outcome(SweepProgress progress, Optional<DeletionCertificate> certificate) {}

    /** Thrown when this node already runs a sweep; another node's sweep does not count, it shares the work. */
    static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("A retention sweep is already running on this node");
        }
    }

    /** The run in progress on this node, if any. */
    Optional<SweepProgress> current() {
        return Optional.ofNullable(current.get());
    }

    int batchSize() {
        return settings.batchSize();
    }

    Outcome sweep(String initiator, Consumer<SweepProgress> progress) {
        Instant sweptUntil = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!current.compareAndSet(null, new SweepProgress(initiator, sweptUntil, 0, 0, 0, 0, 0, false))) {
            throw new AlreadyRunning();
        }
        metrics.started();
        try {
            return run(initiator, sweptUntil, progress);
        } finally {
            current.set(null);
            metrics.finished();
        }
    }

    private Outcome run(String initiator, Instant sweptUntil, Consumer<SweepProgress> progress) {
        long started = System.nanoTime();
        SweepTally tally = new SweepTally(rules);
        inParallel(settings.workers(), () -> sweepUntilDone(initiator, sweptUntil, started, tally, progress));
        for (ExpiringData data : otherData) {
            expire(data, sweptUntil, tally);
        }
        SweepProgress done = tally.progress(initiator, sweptUntil, millisSince(started), true);
        Optional<DeletionCertificate> certificate = tally.didAnything()
                ? Optional.of(certificates.issue(
                        tally, initiator, sweptUntil, sweptUntil, clock.instant(), done.elapsedMillis()))
                : Optional.empty();
        report(done, progress);
        certificate.ifPresent(issued -> log.info(
                "Deletion certificate {} (chain row {}) issued for {} records",
                issued.id(),
                issued.seq(),
                issued.recordsErased()));
        return new Outcome(done, certificate);
    }

    /**
     * One worker's share: batch after batch until a claim comes back short. Workers of one node, like nodes, claim
     * disjoint batches; while one waits for the database, another computes its tombstones' hashes.
     */
    private void sweepUntilDone(
            String initiator, Instant sweptUntil, long started, SweepTally tally, Consumer<SweepProgress> progress) {
        Batch batch;
        do {
            batch = transaction.execute(status -> sweepBatch(sweptUntil));
            if (batch.claimed() > 0) {
                count(batch);
                synchronized (tally) {
                    tally.erased(batch.erased(), batch.kept());
                    metrics.batch(report(tally.progress(initiator, sweptUntil, millisSince(started), false), progress));
                }
            }
        } while (batch.claimed() == settings.batchSize());
    }

    private static void inParallel(int workers, Runnable work) {
        if (workers <= 1) {
            work.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "retention-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(work));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("A sweep worker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Batch sweepBatch(Instant sweptUntil) {
        HoldRepository.HeldTargets held = holds.lockForSweep(sweptUntil);
        List<RecordSummary> claimed = vault.claimDue(sweptUntil, settings.batchSize(), held.subjects(), held.records());
        List<RecordSummary> erasable = new ArrayList<>(claimed.size());
        int kept = 0;
        for (RecordSummary record : claimed) {
            Instant statutoryEnd = rules.statutoryEnd(record);
            if (statutoryEnd != null && statutoryEnd.isAfter(sweptUntil)) {
                vault.changeState(record.id(), record.state(), statutoryEnd);
                kept++;
            } else {
                erasable.add(record);
            }
        }
        vault.eraseDue(erasable, REASON);
        return new Batch(claimed.size(), erasable, kept);
    }

    private void expire(ExpiringData data, Instant sweptUntil, SweepTally tally) {
        ExpiringData.Expired expired;
        do {
            expired = transaction.execute(status -> data.expire(sweptUntil, settings.batchSize()));
            tally.expired(expired);
            expired.counts().forEach(metrics::expired);
        } while (expired.processed() >= settings.batchSize());
    }

    private void count(Batch batch) {
        Map<List<String>, Long> perActivity = batch.erased().stream()
                .collect(Collectors.groupingBy(
                        record -> List.of(record.site(), record.activity()), Collectors.counting()));
        perActivity.forEach((key, records) -> metrics.erased(key.get(0), key.get(1), records));
        if (batch.kept() > 0) {
            metrics.kept(batch.kept());
        }
    }

    private SweepProgress report(SweepProgress progress, Consumer<SweepProgress> listener) {
        if (!progress.finished()) {
            current.set(progress);
        }
        if (progress.erased() > 0 || progress.kept() > 0 || progress.otherExpired() > 0) {
            log.info(progress.describe());
        }
        listener.accept(progress);
        return progress;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private record Batch(int claimed, List<RecordSummary> erased, int kept) {}
}
