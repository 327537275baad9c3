package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bench copy FILE}: the import benchmark's baseline, a raw COPY of a consent import file. */
@Command(name = "copy", description = "Raw COPY of a consent import file (the import's baseline).")
class CopyCommand extends CliCommand {

    @Parameters(paramLabel = "FILE")
    private Path file;

    private final ObjectProvider<CopyBaseline> baseline;

    CopyCommand(ObjectProvider<CopyBaseline> baseline) {
        this.baseline = baseline;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (InputStream csv = Files.newInputStream(file)) {
            long rows = baseline.getObject().copy(csv);
            double seconds = (System.nanoTime() - started) / 1e9;
            out().println(String.format(
                    Locale.ROOT, "Copied %d rows in %.2f s (%.0f rows/s)", rows, seconds, rows / seconds));
            return CommandLine.OK;
        } catch (IOException e) {
            err().println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return CommandLine.PROBLEMS_FOUND;
        }
    }
}
