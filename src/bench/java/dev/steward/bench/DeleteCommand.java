package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench delete --rows N}: the retention benchmark's baseline, a plain DELETE of N due rows. */
@Command(name = "delete", description = "Plain DELETE of N due rows (the sweep's baseline).")
class DeleteCommand extends CliCommand {

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", description = "default: ${DEFAULT-VALUE}")
    private long rows;

    private final ObjectProvider<DeleteBaseline> baseline;

    DeleteCommand(ObjectProvider<DeleteBaseline> baseline) {
        this.baseline = baseline;
    }

    @Override
    public Integer call() {
        Counts.atLeastZero(spec(), "--rows", rows);
        double seconds = baseline.getObject().delete(rows);
        out().println(String.format(
                Locale.ROOT, "Deleted %d rows in %.2f s (%.0f rows/s)", rows, seconds, rows / seconds));
        return CommandLine.OK;
    }
}
