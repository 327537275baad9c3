package dev.steward.consent;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code consent import FILE}: consent actions collected elsewhere (an older system, a partner's banner), from a CSV
 * file; see {@link ConsentFileImport}.
 */
@Command(
        name = "import",
        description = {
            "Import consent actions from a CSV file (header site,email,purpose,action,occurred_at; optional columns in"
                    + " the README). Every problem is reported as FILE:LINE:COLUMN: message, and a file with any"
                    + " problem changes nothing (exit 1)."
        })
class ConsentImportCommand extends CliCommand {

    @Parameters(paramLabel = "FILE", description = "the CSV file, UTF-8")
    private Path file;

    private final ObjectProvider<ConsentFileImport> imports;

    ConsentImportCommand(ObjectProvider<ConsentFileImport> imports) {
        this.imports = imports;
    }

    private int unreadable(IOException e) {
        err().println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        return CommandLine.PROBLEMS_FOUND;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        ConsentFileImport.Checked checked;
        ConsentFileImport importer;
        try {
            // the file is read while the command's context starts: reading needs none of its beans. Its progress is
            // shown once the context is up, so a context that fails prints its one line only.
            long size = Files.size(file);
            AtomicLong bytesRead = new AtomicLong();
            AtomicReference<Progress> shown = new AtomicReference<>();
            CompletableFuture<ConsentFileImport.Read> read = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return ConsentFileImport.read(file, bytes -> {
                                long done = bytesRead.addAndGet(bytes);
                                Progress progress = shown.get();
                                if (progress != null) {
                                    progress.stepTo(done);
                                }
                            });
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    ConsentFileImport.ownThread("consent-import-read"));
            importer = imports.getObject();
            try (Progress reading = progressOverBytes("consent import: checking", size)) {
                shown.set(reading);
                reading.stepTo(bytesRead.get());
                checked = importer.check(read.join());
            }
        } catch (IOException e) {
            return unreadable(e);
        } catch (UncheckedIOException e) {
            return unreadable(e.getCause());
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException cause) {
                return unreadable(cause.getCause());
            }
            throw e;
        }
        if (!checked.problems().isEmpty()) {
            checked.problems()
                    .forEach(problem -> err().println(
                                    file + ":" + problem.line() + ":" + problem.column() + ": " + problem.message()));
            err().println(checked.problems().size() + " problem(s) found; nothing was imported");
            return CommandLine.PROBLEMS_FOUND;
        }
        try (Progress writing =
                progress("consent import: writing", checked.importing().size(), "rows")) {
            importer.write(checked, writing::advance);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int imported = checked.importing().size();
        out().println(String.format(
                Locale.ROOT,
                "Imported %d consent events in %.2f s (%.0f rows/s)%s",
                imported,
                seconds,
                imported / seconds,
                checked.skipped() > 0
                        ? "; skipped " + checked.skipped() + " of people who were erased (suppression list)"
                        : ""));
        return CommandLine.OK;
    }
}
