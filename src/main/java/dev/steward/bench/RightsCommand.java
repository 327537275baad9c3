package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.rights.AccessExport;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench rights --sample K}: the access export and then the erasure of K random subjects, one at a time, through
 * the rights module's export and the vault's erasure as an erasure request does it when nothing must be kept
 * (identifiers onto the suppression list; key, identifiers and records deleted; tombstone chained and flushed to the
 * erasure log file). Prints the median and 99th percentile of each. The first subjects only warm up.
 */
@Command(
        name = "bench rights",
        usage = "bench rights [--sample K] [--warmup W]   time access export and erasure of random subjects")
class RightsCommand implements CliCommand {

    private final BulkSubjects subjects;
    private final AccessExport exports;
    private final Vault vault;

    RightsCommand(BulkSubjects subjects, AccessExport exports, Vault vault) {
        this.subjects = subjects;
        this.exports = exports;
        this.vault = vault;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int sample;
        int warmup;
        try {
            Options options = Options.parse(arguments, Set.of("sample", "warmup"));
            sample = (int) options.number("sample", 200);
            warmup = (int) options.number("warmup", 50);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: java -jar steward.jar bench rights [--sample K] [--warmup W]");
            return 2;
        }
        // people who came in through an import have consents but no records to export
        List<SubjectId> picked = subjects.sample(2 * (sample + warmup)).stream()
                .filter(subject -> !vault.records(subject).isEmpty())
                .limit(sample + warmup)
                .toList();
        if (picked.size() < sample + warmup) {
            err.println("The database holds only " + picked.size() + " subjects; seed more with 'bench seed'.");
            return 1;
        }
        long[] exportNanos = new long[sample];
        long[] erasureNanos = new long[sample];
        long bytes = 0;
        for (int i = 0; i < picked.size(); i++) {
            SubjectId subject = picked.get(i);
            String site = vault.records(subject).get(0).site();
            long started = System.nanoTime();
            bytes += exports.of(subject, site).length;
            long exported = System.nanoTime();
            vault.eraseAndSuppress(subject, "bench");
            long erased = System.nanoTime();
            if (i >= warmup) {
                exportNanos[i - warmup] = exported - started;
                erasureNanos[i - warmup] = erased - exported;
            }
        }
        out.println(
                line("access-export", exportNanos) + String.format(Locale.ROOT, ", %d bytes", bytes / picked.size()));
        out.println(line("erasure", erasureNanos));
        return 0;
    }

    private static String line(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%s: p50 %.2f ms, p99 %.2f ms over %d subjects",
                name,
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6,
                sorted.length);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
