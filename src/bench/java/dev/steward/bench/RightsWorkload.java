package dev.steward.bench;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.rights.AccessExport;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access export of random subjects as the seed made them, one at a time, each inside a transaction as a request's
 * fulfilment runs it; then the erasure of the first of them through the vault as an erasure request does it when
 * nothing must be kept (identifiers onto the suppression list; key, identifiers and records deleted; tombstone chained
 * and flushed to the erasure log file). The first subjects of each only warm up.
 */
@Component
class RightsWorkload {

    /** The most subjects one round asks the database for. */
    private static final int MOST_ASKED = 50_000;

    private final KnownSubjects subjects;
    private final AccessExport exports;
    private final Vault vault;
    private final ConsentLedger ledger;
    private final TransactionTemplate transaction;

    RightsWorkload(
            KnownSubjects subjects,
            AccessExport exports,
            Vault vault,
            ConsentLedger ledger,
            TransactionTemplate transaction) {
        this.subjects = subjects;
        this.exports = exports;
        this.vault = vault;
        this.ledger = ledger;
        this.transaction = transaction;
    }

    /** Nanoseconds of each measured export and erasure, and the mean export's size in bytes. */
    record Timings(long[] exportNanos, long[] erasureNanos, long meanBytes) {}

    /**
     * Subjects exactly as the seed made them: one record, and no consent event an import added. WHY: the figure
     * compares the export of the same person in a larger database, and every run's import changes the large
     * database's people only (it withdraws consents of 50,000 of its people, each withdrawal one more event in the
     * export, and adds 50,000 people without records). In rounds: a round asks for as many again as the rounds before
     * needed to find one such subject, for as many as are still missing.
     */
    List<SubjectId> pick(int count, boolean anyShape) {
        Set<SubjectId> picked = new LinkedHashSet<>();
        long asked = 0;
        long found = 0;
        for (int round = 0; round < 20 && picked.size() < count; round++) {
            int missing = count - picked.size();
            long ask = Math.min(MOST_ASKED, Math.max(2L * missing, 2L * missing * (asked + 1) / (found + 1)));
            for (SubjectId subject : subjects.sample((int) ask)) {
                asked++;
                if (picked.size() < count && !picked.contains(subject) && fits(subject, anyShape)) {
                    picked.add(subject);
                    found++;
                }
            }
        }
        return List.copyOf(picked);
    }

    /** As the seed made them, or (any shape, for the smoke run's tiny database) with a record to export. */
    private boolean fits(SubjectId subject, boolean anyShape) {
        List<RecordSummary> records = vault.records(subject);
        if (anyShape) {
            return !records.isEmpty();
        }
        return records.size() == 1
                && ledger.history(subject).stream()
                        .map(ConsentEvent::method)
                        .noneMatch(CollectionMethod.IMPORT.key()::equals);
    }

    /**
     * Exports every picked subject, then erases the first {@code warmup + erasures} of them. WHY each export is rolled
     * back: an export signs and stores the receipts of events recorded in bulk (the seed's), which would leave the
     * subject changed for the next run; rolled back, the subjects stay as the seed made them, so that the export's
     * sample can be larger than the erasure's (which uses its subjects up) without emptying the small database. The
     * time is taken before the rollback: in a fulfilment the commit comes after the package is stored, not in the
     * export.
     */
    Timings run(List<SubjectId> picked, int warmup, int erasures) {
        long[] exportNanos = new long[picked.size() - warmup];
        long bytes = 0;
        for (int i = 0; i < picked.size(); i++) {
            SubjectId subject = picked.get(i);
            long[] took = new long[2];
            transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();
                String site = vault.records(subject).get(0).site();
                long started = System.nanoTime();
                took[1] = exports.of(subject, site, Locale.ENGLISH).length;
                took[0] = System.nanoTime() - started;
            });
            bytes += took[1];
            if (i >= warmup) {
                exportNanos[i - warmup] = took[0];
            }
        }
        int erased = Math.min(picked.size(), warmup + erasures);
        long[] erasureNanos = new long[Math.max(0, erased - warmup)];
        for (int i = 0; i < erased; i++) {
            long started = System.nanoTime();
            vault.eraseAndSuppress(picked.get(i), "bench");
            if (i >= warmup) {
                erasureNanos[i - warmup] = System.nanoTime() - started;
            }
        }
        return new Timings(exportNanos, erasureNanos, bytes / Math.max(1, picked.size()));
    }
}
