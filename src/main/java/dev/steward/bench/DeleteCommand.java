package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code bench delete --rows N}: the retention benchmark's baseline, a plain DELETE of N due rows. */
@Command(name = "bench delete", usage = "bench delete --rows N   plain DELETE of N due rows (the sweep's baseline)")
class DeleteCommand implements CliCommand {

    private final DeleteBaseline baseline;

    DeleteCommand(DeleteBaseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        long rows;
        try {
            rows = Options.parse(arguments, Set.of("rows")).number("rows", 100_000);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: java -jar steward.jar bench delete --rows N");
            return 2;
        }
        double seconds = baseline.delete(rows);
        out.println(
                String.format(Locale.ROOT, "Deleted %d rows in %.2f s (%.0f rows/s)", rows, seconds, rows / seconds));
        return 0;
    }
}
