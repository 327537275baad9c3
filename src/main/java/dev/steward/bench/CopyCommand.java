package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code bench copy FILE}: the import benchmark's baseline, a raw COPY of a consent import file. */
@Command(name = "bench copy", usage = "bench copy FILE   raw COPY of a consent import file (the import's baseline)")
class CopyCommand implements CliCommand {

    private final CopyBaseline baseline;

    CopyCommand(CopyBaseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("Usage: java -jar steward.jar bench copy FILE");
            return 2;
        }
        long started = System.nanoTime();
        try (InputStream csv = Files.newInputStream(Path.of(arguments.get(0)))) {
            long rows = baseline.copy(csv);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(String.format(
                    Locale.ROOT, "Copied %d rows in %.2f s (%.0f rows/s)", rows, seconds, rows / seconds));
            return 0;
        } catch (IOException e) {
            err.println(arguments.get(0) + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
    }
}
