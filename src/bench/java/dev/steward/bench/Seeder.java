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
        // looked up before the load, while the blind index stands: the load itself asks the database nothing
        Set<Long> there = there(first, count);
        if (count < bulkLoadFrom) {
            seedAll(people, first, count, there, events, seeded);
        } else {
            try (BulkLoadIndexes.Dropped dropped = indexes.drop()) {
                seedAll(people, first, count, there, events, seeded);
            }
        }
        return first;
    }

    /** Everyone the catalog could make up, as of now (requires published notices). */
    SyntheticPeople people() {
        return SyntheticPeople.of(catalogs, notices, clock.instant());
    }

    /**
     * Adds people from person-{first} on, passing over those {@code there}, one batch per transaction,
     * {@link #WRITERS} batches at a time.
     */
    private void seedAll(
            SyntheticPeople people, long first, long count, Set<Long> there, int events, LongConsumer seeded) {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            Deque<Future<Integer>> written = new ArrayDeque<>();
            long next = first;
            for (long added = 0; added < count; ) {
                int size = (int) Math.min(BATCH, count - added);
                long[] persons = LongStream.range(next, next + size)
                        .filter(person -> !there.contains(person))
                        .toArray();
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
                }
            }
            while (!written.isEmpty()) {
                seeded.accept(done(written.poll()));
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /**
     * The people from person-{first} on who are there already or were erased, among as many as it takes to find
     * {@code count} who are not. Only erasures leave such people at or after the count of subjects (which a restored
     * count may point at again); a database that holds and erased nobody has none.
     */
    private Set<Long> there(long first, long count) {
        Set<Long> there = new HashSet<>();
        if (known.none()) {
            return there;
        }
        for (long from = first, wanted = count; wanted > 0; ) {
            long to = from + wanted;
            int before = there.size();
            for (long at = from; at < to; at += BATCH) {
                there.addAll(
                        taken(LongStream.range(at, Math.min(to, at + BATCH)).toArray()));
            }
            wanted = there.size() - before;
            from = to;
        }
        return there;
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

    private Set<Long> taken(long[] persons) {
        List<Identifier> emails = LongStream.of(persons)
                .mapToObj(person -> Identifier.email(SyntheticPeople.email(person)))
                .toList();
        KnownSubjects.Known found = known.lookUp(emails);
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < persons.length; i++) {
            Identifier email = emails.get(i);
            if (found.carriers().containsKey(email) || found.suppressed().contains(email)) {
                taken.add(persons[i]);
            }
        }
        return taken;
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
