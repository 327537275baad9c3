package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.Progress;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.NewRecord;
import dev.steward.vault.SubjectId;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench due --records N}: gives N people already in the database (picked at random, again and again if N is
 * more than there are) a record that the retention sweep must erase now: collected a year ago under an activity kept
 * for a fixed, shorter period. The retention workload times the sweep of these.
 */
@Command(name = "bench due", usage = "bench due --records N   add N records that are due for erasure now")
class DueCommand implements CliCommand {

    private static final int BATCH = 10_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DueCommand(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        long count;
        try {
            Options options = Options.parse(arguments, Set.of("records"));
            if (!options.positional().isEmpty() || !options.values().containsKey("records")) {
                throw new IllegalArgumentException("--records is required");
            }
            count = options.number("records", 0);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: java -jar steward.jar bench due --records N");
            return 2;
        }
        SyntheticPeople people = SyntheticPeople.of(catalogs, notices, clock.instant());
        List<SubjectId> pool = subjects.sample((int) Math.min(count, BATCH));
        if (pool.isEmpty()) {
            err.println("The database holds nobody yet: run bench seed first.");
            return 1;
        }
        Progress progress = new Progress(out, "bench due: records", count);
        for (long added = 0; added < count; added += BATCH) {
            int size = (int) Math.min(BATCH, count - added);
            List<SubjectId> owners = IntStream.range(0, size)
                    .mapToObj(i -> pool.get(i % pool.size()))
                    .toList();
            NewRecord record = people.dueRecord(added);
            transaction.executeWithoutResult(status -> subjects.addRecords(owners, record, people.longAgo()));
            progress.advance(size);
        }
        return 0;
    }
}
