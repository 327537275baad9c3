package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.vault.SubjectId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench rights --sample K --exports E}: the median and 99th percentile of {@link RightsWorkload}'s timings, of
 * the access export of E subjects (K when not given) and the erasure of the first K of them.
 */
@Command(
        name = "rights",
        description = "Time the access export of E and the erasure of K random subjects as the seed made them.")
class RightsCommand extends CliCommand {

    @Option(names = "--sample", paramLabel = "K", defaultValue = "200", description = "default: ${DEFAULT-VALUE}")
    private long sample;

    @Option(
            names = "--exports",
            paramLabel = "E",
            defaultValue = "0",
            description = "subjects exported (rolled back, so not used up); default: as many as --sample")
    private long exportSample;

    @Option(
            names = "--any-shape",
            description = "export anyone with a record, not only people as the seed made them (the smoke run: its"
                    + " import changes every one of its few people)")
    private boolean anyShape;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "50", description = "default: ${DEFAULT-VALUE}")
    private long warmup;

    private final ObjectProvider<RightsWorkload> workload;

    RightsCommand(ObjectProvider<RightsWorkload> workload) {
        this.workload = workload;
    }

    @Override
    public Integer call() {
        if (sample < 1) {
            throw usageError("--sample needs a whole number of 1 or more");
        }
        long exported = Math.max(sample, Counts.atLeastZero(spec(), "--exports", exportSample));
        int wanted = (int) (exported + Counts.atLeastZero(spec(), "--warmup", warmup));
        List<SubjectId> picked = workload.getObject().pick(wanted, anyShape);
        if (picked.size() < wanted) {
            err().println("The database holds only " + picked.size()
                    + " subjects as the seed made them; seed more with 'bench seed'.");
            return CommandLine.PROBLEMS_FOUND;
        }
        RightsWorkload.Timings timings = workload.getObject().run(picked, (int) warmup, (int) sample);
        out().println(line("access-export", timings.exportNanos())
                + String.format(Locale.ROOT, ", %d bytes", timings.meanBytes()));
        out().println(line("erasure", timings.erasureNanos()));
        return CommandLine.OK;
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
