package dev.steward.bench;

import dev.steward.rights.AccessExport;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The access export and then the erasure of random subjects, one at a time, through the rights module's export and
 * the vault's erasure as an erasure request does it when nothing must be kept (identifiers onto the suppression list;
 * key, identifiers and records deleted; tombstone chained and flushed to the erasure log file). The first subjects
 * only warm up.
 */
@Component
class RightsWorkload {

    private final KnownSubjects subjects;
    private final AccessExport exports;
    private final Vault vault;

    RightsWorkload(KnownSubjects subjects, AccessExport exports, Vault vault) {
        this.subjects = subjects;
        this.exports = exports;
        this.vault = vault;
    }

    /** Nanoseconds of each measured export and erasure, and the mean export's size in bytes. */
    record Timings(long[] exportNanos, long[] erasureNanos, long meanBytes) {}

    /**
     * People who came in through an import have consents but no records to export: they are passed over. WHY in
     * rounds: every run's import adds 50,000 such people to the large database, so that after some runs fewer than
     * half of a random sample have records; a round asks for as many again as are still missing, twice over.
     */
    List<SubjectId> pick(int count) {
        Set<SubjectId> picked = new LinkedHashSet<>();
        for (int round = 0; round < 20 && picked.size() < count; round++) {
            for (SubjectId subject : subjects.sample(2 * (count - picked.size()))) {
                if (picked.size() < count && !vault.records(subject).isEmpty()) {
                    picked.add(subject);
                }
            }
        }
        return List.copyOf(picked);
    }

    Timings run(List<SubjectId> picked, int warmup) {
        int sample = picked.size() - warmup;
        long[] exportNanos = new long[sample];
        long[] erasureNanos = new long[sample];
        long bytes = 0;
        for (int i = 0; i < picked.size(); i++) {
            SubjectId subject = picked.get(i);
            String site = vault.records(subject).get(0).site();
            long started = System.nanoTime();
            bytes += exports.of(subject, site, Locale.ENGLISH).length;
            long exported = System.nanoTime();
            vault.eraseAndSuppress(subject, "bench");
            long erased = System.nanoTime();
            if (i >= warmup) {
                exportNanos[i - warmup] = exported - started;
                erasureNanos[i - warmup] = erased - exported;
            }
        }
        return new Timings(exportNanos, erasureNanos, bytes / picked.size());
    }
}
