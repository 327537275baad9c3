package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.Progress;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench due --records N}: see {@link DueRecords}. */
@Command(name = "due", description = "Add N records that are due for erasure now, showing progress.")
class DueCommand extends CliCommand {

    @Option(names = "--records", paramLabel = "N", required = true)
    private long count;

    private final ObjectProvider<DueRecords> records;

    DueCommand(ObjectProvider<DueRecords> records) {
        this.records = records;
    }

    @Override
    public Integer call() {
        Counts.atLeastZero(spec(), "--records", count);
        try (Progress progress = progress("bench due", count, "records")) {
            if (!records.getObject().add(count, progress::advance)) {
                err().println("The database holds nobody yet: run bench seed first.");
                return CommandLine.PROBLEMS_FOUND;
            }
        }
        return CommandLine.OK;
    }
}
