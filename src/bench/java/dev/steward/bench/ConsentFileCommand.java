package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench consent-file FILE --rows N}: see {@link ImportFile}. */
@Command(name = "consent-file", description = "Write a consent import file of N lines of made-up people.")
class ConsentFileCommand extends CliCommand {

    @Parameters(paramLabel = "FILE")
    private Path file;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", description = "default: ${DEFAULT-VALUE}")
    private long rows;

    private final ObjectProvider<ImportFile> files;

    ConsentFileCommand(ObjectProvider<ImportFile> files) {
        this.files = files;
    }

    @Override
    public Integer call() {
        Counts.atLeastZero(spec(), "--rows", rows);
        try {
            files.getObject().write(file, rows);
        } catch (IOException e) {
            err().println(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
            return CommandLine.PROBLEMS_FOUND;
        }
        out().println("Wrote " + rows + " lines to " + file);
        return CommandLine.OK;
    }
}
