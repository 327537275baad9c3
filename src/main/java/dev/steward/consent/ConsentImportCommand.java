package dev.steward.consent;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.Progress;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code consent import FILE}: consent actions collected elsewhere (an older system, a partner's banner), from a CSV
 * file. The whole file is checked first and every problem reported as file:line:column; only a file without problems
 * is written, in one transaction, so an import happens entirely or not at all. People Steward does not know yet get
 * a subject when the file gives their consent; people who were erased are skipped (the suppression list).
 */
@Command(
        name = "consent import",
        usage = "consent import FILE   import consent actions from a CSV file (columns: see the README)")
class ConsentImportCommand implements CliCommand {

    private static final int BATCH = 5_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final BulkConsents consents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConsentImportCommand(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            BulkConsents consents,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.consents = consents;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("Usage: java -jar steward.jar consent import FILE");
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        long started = System.nanoTime();
        ConsentCsv csv = new ConsentCsv(catalogs, notices, clock);
        List<ConsentCsv.Row> rows;
        try {
            rows = read(file, csv, out);
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
        Set<Identifier> suppressed = subjects.suppressed(emails(rows));
        requireSubjects(rows, suppressed, csv);
        if (!csv.problems().isEmpty()) {
            csv.problems()
                    .forEach(problem -> err.println(
                            file + ":" + problem.line() + ":" + problem.column() + ": " + problem.message()));
            err.println(csv.problems().size() + " problem(s) found; nothing was imported");
            return 1;
        }
        List<ConsentCsv.Row> importing =
                rows.stream().filter(row -> !suppressed.contains(row.email())).toList();
        Progress progress = new Progress(out, "consent import: writing", importing.size());
        transaction.executeWithoutResult(status -> write(importing, progress));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(
                Locale.ROOT,
                "Imported %d consent events in %.2f s (%.0f rows/s)%s",
                importing.size(),
                seconds,
                importing.size() / seconds,
                importing.size() < rows.size()
                        ? "; skipped " + (rows.size() - importing.size())
                                + " of people who were erased (suppression list)"
                        : ""));
        return 0;
    }

    private static List<ConsentCsv.Row> read(Path file, ConsentCsv csv, PrintStream out) throws IOException {
        List<ConsentCsv.Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                csv.problem(1, 1, "the file is empty; it needs a header line naming its columns");
                return rows;
            }
            csv.header(header.startsWith("\uFEFF") ? header.substring(1) : header);
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                csv.row(++number, line).ifPresent(rows::add);
                if (number % 100_000 == 0) {
                    out.println("consent import: checked " + number + " lines");
                }
            }
        }
        return rows;
    }

    /**
     * A person Steward does not know can only enter through a consent given (as through the API); any other action
     * for them needs a consent given earlier in the file.
     */
    private void requireSubjects(List<ConsentCsv.Row> rows, Set<Identifier> suppressed, ConsentCsv csv) {
        Map<Identifier, SubjectId> known = subjects.find(emails(rows));
        Set<Identifier> given = new HashSet<>(known.keySet());
        for (ConsentCsv.Row row : rows) {
            if (row.request().action() == ConsentAction.GIVEN) {
                given.add(row.email());
            } else if (!given.contains(row.email()) && !suppressed.contains(row.email())) {
                csv.problem(
                        row.line(),
                        row.emailColumn(),
                        "email: Steward holds nothing about this address and no line before gives a consent for it");
            }
        }
    }

    private void write(List<ConsentCsv.Row> rows, Progress progress) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<ConsentCsv.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Map<Identifier, SubjectId> found = subjects.findOrCreate(emails(batch), clock.instant());
            consents.recordAll(
                    batch.stream().map(row -> row.of(found.get(row.email()))).toList());
            progress.advance(batch.size());
        }
    }

    private static List<Identifier> emails(List<ConsentCsv.Row> rows) {
        return rows.stream().map(ConsentCsv.Row::email).distinct().toList();
    }
}
