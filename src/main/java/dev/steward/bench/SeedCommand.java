package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.consent.BulkConsents;
import dev.steward.consent.ConsentRequest;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Progress;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.LongStream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench seed --subjects N --events-per-subject M}: adds N made-up people to the configured database, with
 * their records, consent events and disclosures, written as the real code paths write them (encrypted under a key per
 * subject, blind-indexed, hash-chained with signed receipts) but by COPY, a batch per transaction. Running it again
 * adds more people after those already there.
 */
@Command(
        name = "bench seed",
        usage = "bench seed --subjects N [--events-per-subject M]   fill the database with made-up people")
class SeedCommand implements CliCommand {

    private static final int BATCH = 2_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final BulkConsents consents;
    private final Disclosures disclosures;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SeedCommand(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            BulkConsents consents,
            Disclosures disclosures,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.consents = consents;
        this.disclosures = disclosures;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        long count;
        int events;
        try {
            Options options = Options.parse(arguments, Set.of("subjects", "events-per-subject"));
            if (!options.positional().isEmpty() || !options.values().containsKey("subjects")) {
                throw new IllegalArgumentException("--subjects is required");
            }
            count = options.number("subjects", 0);
            events = (int) options.number("events-per-subject", 2);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: java -jar steward.jar bench seed --subjects N [--events-per-subject M]");
            return 2;
        }
        int perSubject = events;
        SyntheticPeople people;
        try {
            people = SyntheticPeople.of(catalogs, notices, clock.instant());
        } catch (NotFoundException e) {
            err.println(e.getMessage() + " Start Steward once on this database first: it publishes the notices"
                    + " that the people's consents refer to.");
            return 1;
        }
        long first = subjects.count();
        Progress progress = new Progress(out, "bench seed: subjects", count);
        seedAll(people, first, count, perSubject, progress);
        out.println(String.format(
                Locale.ROOT,
                "Seeded %d subjects (now %d) with %d consent events each in %.1f s",
                count,
                first + count,
                events,
                progress.seconds()));
        return 0;
    }

    /**
     * Adds people from person-{count} on, passing over those already there or erased (whom a restored count may
     * point at again after erasures), one batch per transaction.
     */
    private void seedAll(SyntheticPeople people, long first, long count, int events, Progress progress) {
        long next = first;
        for (long added = 0; added < count; ) {
            long[] persons = absent(LongStream.range(next, next + Math.min(BATCH, count - added))
                    .toArray());
            next += Math.min(BATCH, count - added);
            if (persons.length > 0) {
                transaction.executeWithoutResult(status -> seed(people, persons, events));
                progress.advance(persons.length);
                added += persons.length;
            }
        }
    }

    private long[] absent(long[] persons) {
        List<Identifier> emails = LongStream.of(persons)
                .mapToObj(person -> Identifier.email(SyntheticPeople.email(person)))
                .toList();
        Set<Identifier> taken = new java.util.HashSet<>(subjects.find(emails).keySet());
        taken.addAll(subjects.suppressed(emails));
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
