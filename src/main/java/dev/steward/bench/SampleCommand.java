package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.vault.BulkSubjects;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code bench sample --count K}: K random subject ids, one a line, for load generators to ask about. */
@Command(name = "bench sample", usage = "bench sample --count K   print K random subject ids")
class SampleCommand implements CliCommand {

    private final BulkSubjects subjects;

    SampleCommand(BulkSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int count;
        try {
            count = (int) Options.parse(arguments, Set.of("count")).number("count", 1000);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: java -jar steward.jar bench sample --count K");
            return 2;
        }
        subjects.sample(count).forEach(out::println);
        return 0;
    }
}
