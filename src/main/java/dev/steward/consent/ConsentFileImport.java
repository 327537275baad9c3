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
import java.util.HashMap;
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
    private final ConsentEventRepository events;
    private final Clock clock;

    private final ErrorWords errorWords;

    ConsentFileImport(
            Catalogs catalogs,
            PublishedNotices notices,
            KnownSubjects subjects,
            ConsentImportWriter writer,
            ConsentEventRepository events,
            Clock clock,
            ErrorWords errorWords) {
        this.events = events;
        this.errorWords = errorWords;
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The rows to write (the suppressed left out), the subjects already known by their addresses on each site, how
     * many rows were skipped, and every problem of the file.
     */
    record Checked(
            List<ConsentCsv.Row> importing,
            Map<String, Map<Identifier, SubjectId>> known,
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
        KnownSubjects.Known found = joined(lookUp);
        Set<Identifier> suppressed = found.suppressed();
        Map<String, Map<Identifier, SubjectId>> known = onSites(rows, found);
        requireSubjects(rows, known, suppressed, csv);
        List<ConsentCsv.Row> importing =
                rows.stream().filter(row -> !suppressed.contains(row.email())).toList();
        return new Checked(importing, known, found.blindIndexes(), rows.size() - importing.size(), csv.problems());
    }

    /**
     * For each site and address the lines give, the first subject carrying the address that the site knows (a record,
     * a rights request, an account or a consent event there), as the consent API files an address: a line of one site
     * never joins a person of another (attack13 M1); where none is, its consent makes a new subject.
     *
     * <p>The vault's sites answer nearly every line; the ledger is asked only about the carriers placed before the
     * first one those sites show, so that an import of people the site has records of costs no query more.
     */
    private Map<String, Map<Identifier, SubjectId>> onSites(List<ConsentCsv.Row> rows, KnownSubjects.Known known) {
        Set<SubjectId> unsure = new HashSet<>();
        for (ConsentCsv.Row row : rows) {
            for (KnownSubjects.Carrier carrier : carriers(known, row)) {
                if (carrier.sites().contains(row.request().site())) {
                    break;
                }
                unsure.add(carrier.subject());
            }
        }
        Map<SubjectId, Set<String>> withWords = unsure.isEmpty() ? Map.of() : events.sitesWithWords(unsure);
        Map<String, Map<Identifier, SubjectId>> bySite = new HashMap<>();
        for (ConsentCsv.Row row : rows) {
            String site = row.request().site();
            carriers(known, row).stream()
                    .filter(carrier -> carrier.sites().contains(site)
                            || withWords
                                    .getOrDefault(carrier.subject(), Set.of())
                                    .contains(site))
                    .findFirst()
                    .ifPresent(carrier ->
                            bySite.computeIfAbsent(site, any -> new HashMap<>()).put(row.email(), carrier.subject()));
        }
        return bySite;
    }

    private static List<KnownSubjects.Carrier> carriers(KnownSubjects.Known known, ConsentCsv.Row row) {
        return known.carriers().getOrDefault(row.email(), List.of());
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
     * A person a site does not know can only enter it through a consent given (as through the API); any other action
     * for them needs a consent given on that site earlier in the file.
     */
    private static void requireSubjects(
            List<ConsentCsv.Row> rows,
            Map<String, Map<Identifier, SubjectId>> known,
            Set<Identifier> suppressed,
            ConsentCsvFile csv) {
        Map<String, Set<Identifier>> given = new HashMap<>();
        known.forEach((site, subjects) -> given.put(site, new HashSet<>(subjects.keySet())));
        for (ConsentCsv.Row row : rows) {
            Set<Identifier> onSite = given.computeIfAbsent(row.request().site(), site -> new HashSet<>());
            if (row.request().action() == ConsentAction.GIVEN) {
                onSite.add(row.email());
            } else if (!onSite.contains(row.email()) && !suppressed.contains(row.email())) {
                csv.problem(
                        row.line(),
                        row.emailColumn(),
                        "email: Steward holds nothing about this address on site '"
                                + row.request().site() + "' and no line before gives a consent for it there");
            }
        }
    }
}
