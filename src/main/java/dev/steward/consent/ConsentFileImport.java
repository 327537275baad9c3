package dev.steward.consent;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.ErrorWords;
import dev.steward.vault.Identifier;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.SubjectId;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A consent import file, checked whole before anything is written: every problem is found with its line and column,
 * and only a file without problems is written, in one transaction, so an import happens entirely or not at all.
 * People Steward does not know yet get a subject when the file gives their consent; people who were erased are
 * skipped (the suppression list).
 */
@Component
class ConsentFileImport {

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final KnownSubjects subjects;
    private final ConsentImportWriter writer;
    private final Clock clock;

    private final ErrorWords errorWords;

    ConsentFileImport(
            Catalogs catalogs,
            PublishedNotices notices,
            KnownSubjects subjects,
            ConsentImportWriter writer,
            Clock clock,
            ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The rows to write (the suppressed left out), the subjects already known by their addresses, how many rows were
     * skipped, and every problem of the file.
     */
    record Checked(
            List<ConsentCsv.Row> importing,
            Map<Identifier, SubjectId> known,
            KnownSubjects.@Nullable BlindIndexes blindIndexes,
            int skipped,
            List<ConsentCsvFile.Problem> problems) {}

    /** A file's records as read, not yet checked, and what made it unreadable as CSV (null when nothing did). */
    record Read(List<CsvRecords.Record> records, CsvRecords.@Nullable Malformed malformed) {}

    /**
     * Reads the records in order on this thread (FastCSV). It needs no bean, so the command reads the file while its
     * context starts.
     *
     * @param read told how many bytes of the file each read took
     */
    static Read read(Path file, LongConsumer read) throws IOException {
        List<CsvRecords.Record> records = new ArrayList<>();
        try (InputStream bytes = new CountingInputStream(Files.newInputStream(file), read)) {
            CsvRecords.Malformed malformed = CsvRecords.read(bytes, records::add);
            return new Read(records, malformed);
        }
    }

    /**
     * Checks the records against the catalog on all cores (the checks, not the reading, are what cost) while the
     * addresses are looked up (blind indexes and two queries), then whether each person may be imported.
     */
    Checked check(Read read) {
        ConsentCsvFile csv = new ConsentCsvFile();
        ConsentCsv consents = new ConsentCsv(csv, catalogs, notices, clock, errorWords);
        List<CsvRecords.Record> records = read.records();
        if (read.malformed() != null) {
            csv.problem(
                    read.malformed().line(),
                    read.malformed().column(),
                    read.malformed().message());
        }
        if (records.isEmpty()) {
            if (read.malformed() == null) {
                csv.problem(1, 1, "the file is empty; it needs a header line naming its columns");
            }
            return new Checked(List.of(), Map.of(), null, 0, csv.problems());
        }
        csv.header(records.get(0));
        List<CsvRecords.Record> lines = records.subList(1, records.size());
        // every address the lines give, valid lines or not: the look-up need not wait for the checks
        Set<Identifier> addresses = new HashSet<>();
        lines.forEach(line -> csv.email(line).map(Identifier::email).ifPresent(addresses::add));
        CompletableFuture<KnownSubjects.Known> lookUp =
                CompletableFuture.supplyAsync(() -> subjects.lookUp(addresses), ownThread("consent-import-look-up"));
        List<ConsentCsv.Row> rows = lines.parallelStream()
                .map(consents::row)
                .flatMap(Optional::stream)
                .toList();
        KnownSubjects.Known known = joined(lookUp);
        Set<Identifier> suppressed = known.suppressed();
        requireSubjects(rows, known, csv);
        List<ConsentCsv.Row> importing =
                rows.stream().filter(row -> !suppressed.contains(row.email())).toList();
        return new Checked(
                importing, known.subjects(), known.blindIndexes(), rows.size() - importing.size(), csv.problems());
    }

    void write(Checked checked, LongConsumer written) {
        if (checked.blindIndexes() != null) {
            writer.write(checked.importing(), checked.known(), checked.blindIndexes(), written);
        }
    }

    /**
     * Runs a task on a thread of its own, not the common pool's: on two cores that pool has one worker, which the
     * checks' parallel stream needs.
     */
    static Executor ownThread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Tells how many bytes each read took, for the progress of reading a file of known size. */
    private static final class CountingInputStream extends FilterInputStream {

        private final LongConsumer read;

        CountingInputStream(InputStream in, LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                read.accept(count);
            }
            return count;
        }
    }

    /**
     * A person Steward does not know can only enter through a consent given (as through the API); any other action
     * for them needs a consent given earlier in the file.
     */
    private static void requireSubjects(List<ConsentCsv.Row> rows, KnownSubjects.Known known, ConsentCsvFile csv) {
        Set<Identifier> given = new HashSet<>(known.subjects().keySet());
        for (ConsentCsv.Row row : rows) {
            if (row.request().action() == ConsentAction.GIVEN) {
                given.add(row.email());
            } else if (!given.contains(row.email()) && !known.suppressed().contains(row.email())) {
                csv.problem(
                        row.line(),
                        row.emailColumn(),
                        "email: Steward holds nothing about this address and no line before gives a consent for it");
            }
        }
    }
}
