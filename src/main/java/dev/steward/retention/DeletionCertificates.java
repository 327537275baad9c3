package dev.steward.retention;

import dev.steward.platform.ClusterLock;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the deletion certificate of each sweep run that did something, from the batches the run committed, and shows
 * them to staff. A run that died before issuing its own (its node was killed) is certified from its batches by the
 * next sweep or start of any node, marked as interrupted: every committed batch is in exactly one certificate.
 */
@Service
class DeletionCertificates {

    private static final Logger log = LoggerFactory.getLogger(DeletionCertificates.class);

    private final CertificateRepository repository;
    private final SweepBatchRepository batches;
    private final ClusterLock lock;
    private final TransactionTemplate ownTransaction;

    DeletionCertificates(
            CertificateRepository repository,
            SweepBatchRepository batches,
            ClusterLock lock,
            TransactionTemplate transaction) {
        this.repository = repository;
        this.batches = batches;
        this.lock = lock;
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The certificate of a run that ends now, from its committed batches; none when it did nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<DeletionCertificate> certify(SweepRun run, Instant finishedAt, long elapsedMillis) {
        List<SweepBatchRepository.Committed> committed = batches.take(run.id());
        return issue(run, committed, finishedAt, elapsedMillis, false);
    }

    /**
     * Certifies every run that died with batches no certificate covers, each in a transaction of its own; a run still
     * going on, on this node or another, holds its lock and is left alone.
     */
    List<DeletionCertificate> certifyInterrupted() {
        List<DeletionCertificate> issued = new ArrayList<>();
        for (UUID run : batches.uncertifiedRuns()) {
            ownTransaction
                    .execute(status -> lock.tryLock(SweepRun.lock(run))
                            ? interrupted(batches.take(run))
                            : Optional.<DeletionCertificate>empty())
                    .ifPresent(certificate -> {
                        log.warn(
                                "A retention sweep was interrupted: deletion certificate {} (chain row {}) now covers"
                                        + " the {} records it had erased",
                                certificate.id(),
                                certificate.seq(),
                                certificate.recordsErased());
                        issued.add(certificate);
                    });
        }
        return issued;
    }

    /** The run ended, as far as anyone can tell, with its last committed batch. */
    private Optional<DeletionCertificate> interrupted(List<SweepBatchRepository.Committed> committed) {
        if (committed.isEmpty()) {
            return Optional.empty();
        }
        SweepRun run = committed.get(0).run();
        Instant last = committed.get(committed.size() - 1).committedAt();
        return issue(
                run, committed, last, Duration.between(run.startedAt(), last).toMillis(), true);
    }

    private Optional<DeletionCertificate> issue(
            SweepRun run,
            List<SweepBatchRepository.Committed> committed,
            Instant finishedAt,
            long elapsedMillis,
            boolean interrupted) {
        SweepTally tally = new SweepTally();
        committed.forEach(batch -> tally.add(batch.tally()));
        if (!tally.didAnything()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        repository.append(new CertificateRepository.Draft(
                id,
                run.initiator(),
                run.sweptUntil(),
                run.startedAt(),
                // at the database's precision, which rounds where the hash's text truncates
                finishedAt.truncatedTo(ChronoUnit.MICROS),
                elapsedMillis,
                tally.batches(),
                tally.erased(),
                tally.kept(),
                repository.counts(tally.byActivity()),
                repository.counts(tally.byCategory()),
                repository.counts(tally.other()),
                tally.dueFrom(),
                tally.dueTo(),
                new CertificateRepository.Run(run.id(), interrupted, List.copyOf(tally.tombstones()))));
        return repository.find(id);
    }

    List<DeletionCertificate> recent(int limit, Caller caller) {
        return repository.recent(limit).stream()
                .map(certificate -> certificate.onlySites(caller::maySee))
                .toList();
    }

    DeletionCertificate get(UUID id, Caller caller) {
        return repository
                .find(id)
                .map(certificate -> certificate.onlySites(caller::maySee))
                .orElseThrow(() -> new NotFoundException("There is no deletion certificate " + id + "."));
    }
}
