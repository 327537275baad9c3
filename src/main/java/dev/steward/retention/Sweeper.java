package dev.steward.retention;

import dev.steward.accounts.Accounts;
import dev.steward.catalog.RetentionRule;
import dev.steward.platform.ClusterLock;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SweepErasure;
import dev.steward.vault.SweptBatch;
import dev.steward.vault.SweptRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention sweep: erases, through the vault, every record due at the start of the run, in bounded batches of
 * one transaction each, then expires the data other modules keep outside the vault, and issues a deletion
 * certificate for the run. Each batch claims its records with {@code FOR UPDATE SKIP LOCKED}, so nodes sweeping at
 * once share the work and never process a record twice. Held records are not claimed; records whose statutory
 * minimum has not passed are kept and their due time moved to its end.
 *
 * <p>Each batch records what it did in its own transaction, and the certificate is assembled from those records: a
 * run killed mid-way leaves its committed batches, which the next sweep (or start) certifies as an interrupted run,
 * so no erasure is ever without its certificate. While it runs, a run holds a cluster lock of its own, which tells
 * the others that it is alive.
 */
@Service
class Sweeper {

    static final String REASON = "retention: due";
    static final String LEFT_WITHOUT_RECORDS = "retention: no record left";
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final SweepErasure vault;
    private final Accounts accounts;
    private final LegalHolds holds;
    private final RetentionRules rules;
    private final List<ExpiringData> otherData;
    private final DeletionCertificates certificates;
    private final SweepBatchRepository batches;
    private final ClusterLock lock;
    private final RetentionMetrics metrics;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicReference<@Nullable SweepProgress> current = new AtomicReference<>();

    Sweeper(
            SweepErasure vault,
            Accounts accounts,
            LegalHolds holds,
            RetentionRules rules,
            List<ExpiringData> otherData,
            DeletionCertificates certificates,
            SweepBatchRepository batches,
            ClusterLock lock,
            RetentionMetrics metrics,
            RetentionSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.holds = holds;
        this.rules = rules;
        this.otherData = otherData;
        this.certificates = certificates;
        this.batches = batches;
        this.lock = lock;
        this.metrics = metrics;
        this.settings = settings;
        // each batch commits on its own, also when the caller (the scheduled run holding the cluster lock) has a
        // transaction open
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        certificates.certifyInterrupted();
        SweepRun run = new SweepRun(UUID.randomUUID(), initiator, sweptUntil, sweptUntil);
        // the run's own lock lives as long as this transaction, which spans the run and commits its certificate
        return Objects.requireNonNull(transaction.execute(status -> {
            lock.tryLock(run.lock());
            return sweepAndCertify(run, progress);
        }));
    }

    private Outcome sweepAndCertify(SweepRun run, Consumer<SweepProgress> progress) {
        long started = System.nanoTime();
        SweepTally tally = new SweepTally();
        int workers = Math.max(1, settings.workers());
        SweepWorkers.inParallel(
                workers,
                worker -> sweepUntilDone(new SweepErasure.Share(worker, workers), run, started, tally, progress));
        for (ExpiringData data : otherData) {
            expire(data, run, tally);
        }
        SweepProgress done = tally.progress(run.initiator(), run.sweptUntil(), millisSince(started), true);
        Optional<DeletionCertificate> certificate = certificates.certify(run, clock.instant(), done.elapsedMillis());
        report(done, progress);
        certificate.ifPresent(issued -> log.info(
                "Deletion certificate {} (chain row {}) issued for {} records",
                issued.id(),
                issued.seq(),
                issued.recordsErased()));
        return new Outcome(done, certificate);
    }

    /**
     * One worker's share: batch after batch until a claim comes back short, then the look at whom they left without
     * records. Workers of one node, like nodes, claim disjoint batches; while one waits for the database, another
     * computes its tombstones' hashes. Each worker takes the records of its own share of the subjects, so that two
     * workers never both take some of a person's last records, each seeing the other's as still there, and leave the
     * person behind.
     */
    private void sweepUntilDone(
            SweepErasure.Share share, SweepRun run, long started, SweepTally tally, Consumer<SweepProgress> progress) {
        Batch batch;
        do {
            batch = transaction.execute(status -> sweepBatch(share, run));
            if (batch.claimed() > 0) {
                count(batch);
                synchronized (tally) {
                    tally.add(batch.tally());
                    metrics.batch(report(
                            tally.progress(run.initiator(), run.sweptUntil(), millisSince(started), false), progress));
                }
            }
        } while (batch.claimed() == settings.batchSize());
        eraseLeftWithoutRecords(share, run);
    }

    /**
     * A person does not outlive their data: asked once after the worker's batches, which noted everyone they took
     * records of, rather than by each batch (a person whose records span many batches was probed by each; bench/
     * README.md, sweep16). Notes of a run killed before this, or of another node's batches, are taken too.
     */
    private void eraseLeftWithoutRecords(SweepErasure.Share share, SweepRun run) {
        SweepErasure.Leftovers look;
        do {
            // notes of about two batches a look: its transaction stays the size of a batch's, and a worker whose
            // batches each take a few records of the same people (the benchmark's) looks at them all at once
            look = Objects.requireNonNull(transaction.execute(status -> vault.eraseLeftWithoutRecords(
                    share,
                    2 * settings.batchSize(),
                    holds.lockForSweep(run.sweptUntil()).subjects(),
                    LEFT_WITHOUT_RECORDS)));
        } while (look.notes() > 0);
    }

    private Batch sweepBatch(SweepErasure.Share share, SweepRun run) {
        HoldRepository.HeldTargets held = holds.lockForSweep(run.sweptUntil());
        SweptBatch batch = vault.sweepDue(
                run.sweptUntil(),
                settings.batchSize(),
                share,
                held.subjects(),
                held.records(),
                rules.statutoryMinimums(),
                REASON);
        SweepTally tally = SweepTally.ofBatch(batch.erased(), batch.kept(), batch.tombstones(), rules);
        if (!batch.erased().isEmpty()) {
            closeInactiveAccounts(batch.erased());
        }
        if (tally.didAnything()) {
            batches.record(run, tally, clock.instant());
        }
        return new Batch(batch.claimed(), batch.erased(), tally);
    }

    /**
     * An {@code account-inactive} record swept means the account went unused for the whole period: the account (its
     * password hash, its reset links) goes with it, or the person could still sign in to nothing.
     */
    private void closeInactiveAccounts(List<SweptRecords> erased) {
        // the batch comes grouped by site, activity and rule: one look in the catalog a group, not a record
        Map<String, Set<SubjectId>> bySite = new HashMap<>();
        for (SweptRecords records : erased) {
            boolean inactivity = rules.of(records.site(), records.retentionRule())
                    .map(rule -> rule.rule().trigger() == RetentionRule.Trigger.ACCOUNT_INACTIVE)
                    .orElse(false);
            if (inactivity) {
                bySite.computeIfAbsent(records.site(), site -> new LinkedHashSet<>())
                        .addAll(records.subjects());
            }
        }
        bySite.forEach((site, subjects) -> accounts.closeInactive(site, List.copyOf(subjects)));
    }

    private void expire(ExpiringData data, SweepRun run, SweepTally tally) {
        ExpiringData.Expired expired;
        do {
            expired = transaction.execute(status -> {
                ExpiringData.Expired done = data.expire(run.sweptUntil(), settings.batchSize());
                SweepTally batch = SweepTally.ofExpired(done);
                if (batch.didAnything()) {
                    batches.record(run, batch, clock.instant());
                }
                return done;
            });
            tally.add(SweepTally.ofExpired(expired));
            expired.counts().forEach(metrics::expired);
        } while (expired.processed() >= settings.batchSize());
    }

    private void count(Batch batch) {
        Map<List<String>, Long> perActivity = new HashMap<>();
        for (SweptRecords records : batch.erased()) {
            perActivity.merge(List.of(records.site(), records.activity()), (long) records.count(), Long::sum);
        }
        perActivity.forEach((key, records) -> metrics.erased(key.get(0), key.get(1), records));
        if (batch.tally().kept() > 0) {
            metrics.kept(batch.tally().kept());
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

    private record Batch(int claimed, List<SweptRecords> erased, SweepTally tally) {}
}
