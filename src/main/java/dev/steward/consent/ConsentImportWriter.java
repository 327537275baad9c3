package dev.steward.consent;

import dev.steward.platform.BulkCopy;
import dev.steward.platform.ChainHeads;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a checked import file in one transaction, batch after batch, each batch's COPYs running on a second thread
 * over the transaction's connection while this one prepares the next batch (new subjects' keys and encryption, the
 * events, their hashes and chain links): PostgreSQL and the JVM work at the same time instead of taking turns. A
 * failure on either side fails the transaction, so the file is still written entirely or not at all.
 */
@Component
class ConsentImportWriter {

    static final int BATCH = 5_000;

    private final BulkSubjects subjects;
    private final BulkConsents consents;
    private final BulkCopy copy;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Vault vault;

    ConsentImportWriter(
            BulkSubjects subjects,
            BulkConsents consents,
            BulkCopy copy,
            TransactionTemplate transaction,
            Clock clock,
            Vault vault) {
        this.vault = vault;
        this.subjects = subjects;
        this.consents = consents;
        this.copy = copy;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * One batch made ready: the people filed on each of its sites, its rows' copies (new subjects first, then the
     * events) and the events linked.
     */
    private record Batch(
            List<BulkSubjects.Filed> people, List<BulkCopy.Pending> copies, ConsentEventLinks.Linked events) {

        int rows() {
            return events.events().size();
        }
    }

    /** @param known the subjects found while checking, by site and address */
    void write(
            List<ConsentCsv.Row> rows,
            Map<String, Map<Identifier, SubjectId>> known,
            KnownSubjects.BlindIndexes computed,
            LongConsumer written) {
        List<List<ConsentCsv.Row>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        if (batches.isEmpty()) {
            return;
        }
        ExecutorService writer = ownThread("consent-import-copy");
        ExecutorService asker = ownThread("consent-import-existence");
        try {
            transaction.executeWithoutResult(status -> writeAll(batches, known, computed, writer, asker, written));
        } finally {
            writer.shutdownNow();
            asker.shutdownNow();
        }
    }

    private void writeAll(
            List<List<ConsentCsv.Row>> batches,
            Map<String, Map<Identifier, SubjectId>> known,
            KnownSubjects.BlindIndexes computed,
            ExecutorService writer,
            Executor asker,
            LongConsumer written) {
        Map<String, Map<Identifier, SubjectId>> filed = new HashMap<>();
        known.forEach((site, subjects) -> filed.put(site, new HashMap<>(subjects)));
        Set<SubjectId> existing = await(stillThere(batches.get(0), known, asker));
        Batch current = prepare(batches.get(0), filed, computed, existing, consents.lockChain());
        Batch following = null;
        try {
            for (int next = 1; current != null; next++) {
                // asked on a connection of its own while this batch is copied, so that neither waits for the other
                CompletableFuture<Set<SubjectId>> asked =
                        next < batches.size() ? stillThere(batches.get(next), known, asker) : null;
                CompletableFuture<Void> copying = copy.copyInBackground(current.copies(), writer);
                following = null;
                try {
                    if (asked != null) {
                        following = prepare(
                                batches.get(next),
                                filed,
                                computed,
                                await(asked),
                                current.events().head());
                    }
                } finally {
                    await(copying);
                }
                consents.written(current.events());
                current.people().forEach(subjects::written);
                written.accept(current.rows());
                current = following;
            }
        } finally {
            // a failed import leaves no key held for subjects that will never exist
            Stream.of(current, following)
                    .filter(Objects::nonNull)
                    .forEach(batch -> batch.people().forEach(subjects::written));
        }
    }

    private Batch prepare(
            List<ConsentCsv.Row> batch,
            Map<String, Map<Identifier, SubjectId>> filed,
            KnownSubjects.BlindIndexes computed,
            Set<SubjectId> existing,
            ChainHeads.Head after) {
        List<BulkSubjects.Filed> people = new ArrayList<>();
        List<BulkCopy.Pending> copies = new ArrayList<>();
        // a site's lines go under the subjects that site knows, or new ones of its own (ConsentFileImport#check)
        bySite(batch).forEach((site, rows) -> {
            Map<Identifier, SubjectId> onSite = filed.computeIfAbsent(site, any -> new HashMap<>());
            BulkSubjects.Filed filedOnSite = subjects.file(emails(rows), onSite, computed, clock.instant());
            onSite.putAll(filedOnSite.subjects());
            people.add(filedOnSite);
            copies.addAll(filedOnSite.copies());
        });
        // the people created by this import are held by the vault until written; it answers for them without a query
        ConsentEventLinks.Linked events = consents.prepare(
                batch.stream().map(row -> row.of(subjectOf(filed, row))).toList(),
                after,
                subject -> existing.contains(subject) || vault.exists(subject));
        copies.add(events.copy());
        return new Batch(people, copies, events);
    }

    private static Map<String, List<ConsentCsv.Row>> bySite(List<ConsentCsv.Row> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(row -> row.request().site(), LinkedHashMap::new, Collectors.toList()));
    }

    private static @Nullable SubjectId subjectOf(Map<String, Map<Identifier, SubjectId>> filed, ConsentCsv.Row row) {
        return filed.getOrDefault(row.request().site(), Map.of()).get(row.email());
    }

    /**
     * Which of the people found while checking, of this batch, are still there (one query: someone may have been
     * erased since); the keys are loaded only of those whose lines bring connection evidence to seal.
     *
     * <p>The query runs on the asking thread, outside the import's transaction and on another connection: the same
     * answer (read committed, no lock taken either way, so an erasure committed before it is seen and the import
     * fails), but PostgreSQL reads these people's {@code data_subject} index leaves while the transaction's connection
     * copies the previous batch, where it used to read them between two COPYs (bench/README.md, import6).
     */
    private CompletableFuture<Set<SubjectId>> stillThere(
            List<ConsentCsv.Row> batch, Map<String, Map<Identifier, SubjectId>> known, Executor asker) {
        subjects.loadKeys(batch.stream()
                .filter(row -> ConsentRules.carriesEvidence(row.request()))
                .map(row -> subjectOf(known, row))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Set<SubjectId> people = batch.stream()
                .map(row -> subjectOf(known, row))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return CompletableFuture.supplyAsync(() -> vault.existing(people), asker);
    }

    private static ExecutorService ownThread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for the copies or the question; their failure is the transaction's, as it would be on this thread. */
    private static <T> T await(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static List<Identifier> emails(List<ConsentCsv.Row> rows) {
        return rows.stream().map(ConsentCsv.Row::email).distinct().toList();
    }
}
