package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.consent.BulkConsents;
import dev.steward.consent.ConsentRequest;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.notice.PublishedNotices;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import dev.steward.vault.KnownSubjects;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds made-up people to the configured database, with their records, consent events and disclosures, written as the
 * real code paths write them (encrypted under a key per subject, blind-indexed, hash-chained with signed receipts)
 * but by COPY, a batch per transaction. Seeding again adds more people after those already there.
 */
@Component
public class Seeder {

    /** What to tell whoever seeds a database on which Steward never started. */
    static final String START_FIRST = " Start Steward once on this database first: it publishes the notices that the"
            + " people's consents refer to.";

    private static final int BATCH = 5_000;
    /**
     * Batches written at once, each in its own transaction: while one waits for PostgreSQL (its COPYs, the chains'
     * locks), the other's cryptography runs.
     */
    private static final int WRITERS = 2;
    /** Batches between two looks of the planner at the tables the seeder reads (the first after the first batch). */
    private static final int ANALYSE_EVERY = 200;
    /** From how many new people on the indexes are taken off for the load and built again after it, by default. */
    static final long BULK_LOAD_FROM = 100_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final KnownSubjects known;
    private final BulkConsents consents;
    private final Disclosures disclosures;
    private final TransactionTemplate transaction;
    private final BulkLoadIndexes indexes;
    private final Clock clock;

    Seeder(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            KnownSubjects known,
            BulkConsents consents,
            Disclosures disclosures,
            TransactionTemplate transaction,
            BulkLoadIndexes indexes,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.known = known;
        this.consents = consents;
        this.disclosures = disclosures;
        this.transaction = transaction;
        this.indexes = indexes;
        this.clock = clock;
    }

    /**
     * @param seeded told how many people each batch added
     * @return how many subjects the database held before
     * @throws dev.steward.platform.NotFoundException when no notice is published yet (Steward never started here)
     */
    public long seed(long count, int events, LongConsumer seeded) {
        return seed(people(), count, events, BULK_LOAD_FROM, seeded);
    }

    /**
     * Adds people as {@link #seed(long, int, LongConsumer)} does, shaped by the given {@link SyntheticPeople}, with the
     * indexes off during the load ({@link BulkLoadIndexes}) when they are at least {@code bulkLoadFrom}.
     */
    long seed(SyntheticPeople people, long count, int events, long bulkLoadFrom, LongConsumer seeded) {
        long first = known.count();
        if (count < bulkLoadFrom) {
            seedAll(people, first, count, events, seeded);
        } else {
            try (BulkLoadIndexes.Dropped dropped = indexes.drop()) {
                seedAll(people, first, count, events, seeded);
            }
        }
        return first;
    }

    /** Everyone the catalog could make up, as of now (requires published notices). */
    SyntheticPeople people() {
        return SyntheticPeople.of(catalogs, notices, clock.instant());
    }

    /**
     * Adds people from person-{first} on, passing over those already there or erased (whom a restored count may
     * point at again after erasures), one batch per transaction, {@link #WRITERS} batches at a time.
     */
    private void seedAll(SyntheticPeople people, long first, long count, int events, LongConsumer seeded) {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            Deque<Future<Integer>> written = new ArrayDeque<>();
            long next = first;
            long batches = 0;
            for (long added = 0; added < count; ) {
                int size = (int) Math.min(BATCH, count - added);
                long[] persons = absent(LongStream.range(next, next + size).toArray());
                next += size;
                if (persons.length > 0) {
                    written.add(writers.submit(() -> {
                        transaction.executeWithoutResult(status -> seed(people, persons, events));
                        return persons.length;
                    }));
                    added += persons.length;
                }
                if (written.size() >= WRITERS) {
                    seeded.accept(done(written.poll()));
                    if (++batches % ANALYSE_EVERY == 1) {
                        indexes.analyse();
                    }
                }
            }
            while (!written.isEmpty()) {
                seeded.accept(done(written.poll()));
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static int done(Future<Integer> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private long[] absent(long[] persons) {
        List<Identifier> emails = LongStream.of(persons)
                .mapToObj(person -> Identifier.email(SyntheticPeople.email(person)))
                .toList();
        KnownSubjects.Known found = known.lookUp(emails);
        Set<Identifier> taken = new HashSet<>(found.subjects().keySet());
        taken.addAll(found.suppressed());
        return LongStream.of(persons)
                .filter(person -> !taken.contains(Identifier.email(SyntheticPeople.email(person))))
                .toArray();
    }

    private void seed(SyntheticPeople people, long[] persons, int events) {
        List<BulkSubjects.Created> created =
                subjects.create(LongStream.of(persons).mapToObj(people::subject).toList());
        List<ConsentRequest> requests = new ArrayList<>();
        List<NewDisclosure> disclosed = new ArrayList<>();
        for (int i = 0; i < persons.length; i++) {
            BulkSubjects.Created subject = created.get(i);
            requests.addAll(people.consents(persons[i], subject.subject(), events));
            disclosed.addAll(people.disclosures(persons[i], subject.subject()));
        }
        consents.recordAll(requests);
        disclosures.recordAll(disclosed);
    }
}
