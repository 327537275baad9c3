package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.vault.KnownSubjects;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench sample --count K}: K random subject ids, one a line, for load generators to ask about. */
@Command(name = "sample", description = "Print K random subject ids, one a line.")
class SampleCommand extends CliCommand {

    @Option(names = "--count", paramLabel = "K", defaultValue = "1000", description = "default: ${DEFAULT-VALUE}")
    private long count;

    private final ObjectProvider<KnownSubjects> subjects;

    SampleCommand(ObjectProvider<KnownSubjects> subjects) {
        this.subjects = subjects;
    }

    @Override
    public Integer call() {
        int k = (int) Counts.atLeastZero(spec(), "--count", count);
        subjects.getObject().sample(k).forEach(out()::println);
        return CommandLine.OK;
    }
}
