package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.PublishedNotices;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.NewRecord;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives people already in the database (picked at random, again and again if more records are asked for than there
 * are people) a record that the retention sweep must erase now: collected a year ago under an activity kept for a
 * fixed, shorter period. The retention workload times the sweep of these.
 */
@Component
class DueRecords {

    private static final int BATCH = 10_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final KnownSubjects known;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DueRecords(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            KnownSubjects known,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.known = known;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return false when the database holds nobody to give the records to */
    boolean add(long count, LongConsumer added) {
        SyntheticPeople people = SyntheticPeople.of(catalogs, notices, clock.instant());
        List<SubjectId> pool = known.sample((int) Math.min(count, BATCH));
        if (pool.isEmpty()) {
            return false;
        }
        for (long done = 0; done < count; done += BATCH) {
            int size = (int) Math.min(BATCH, count - done);
            List<SubjectId> owners = IntStream.range(0, size)
                    .mapToObj(i -> pool.get(i % pool.size()))
                    .toList();
            NewRecord record = people.dueRecord(done);
            transaction.executeWithoutResult(status -> subjects.addRecords(owners, record, people.longAgo()));
            added.accept(size);
        }
        return true;
    }
}
