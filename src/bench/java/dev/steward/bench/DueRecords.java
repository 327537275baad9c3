package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.PublishedNotices;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import dev.steward.vault.NewRecord;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives people records that the retention sweep must erase now (collected a year ago under an activity kept for a
 * fixed, shorter period), again and again if more records are asked for than there are people. The retention workload
 * times the sweep of these.
 *
 * <p>Half of the people (picked at random) keep a record that is not due, so the sweep leaves them; the other half are
 * made for the purpose and have nothing but the due records, as someone whose contact message was all the site knew
 * of them, so the sweep erases them too. The share is fixed here: picked among everyone, it depended on how many
 * imports had run on the database before (each adds people without records), and with it the sweep's figure
 * (bench/README.md, "The retention workload's people").
 */
@Component
class DueRecords {

    private static final int BATCH = 10_000;

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final BulkSubjects subjects;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DueRecords(
            Catalogs catalogs,
            PublishedNotices notices,
            BulkSubjects subjects,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return false when the database holds nobody to give the records to */
    boolean add(long count, LongConsumer added) {
        SyntheticPeople people = SyntheticPeople.of(catalogs, notices, clock.instant());
        int asked = (int) Math.min(count, BATCH);
        List<SubjectId> keeping = keepingARecord(asked - asked / 2);
        if (keeping.isEmpty()) {
            return false;
        }
        List<SubjectId> pool = alternating(keeping, madeWithNothingElse(asked / 2, people));
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

    /** People with a record that is not due, at random; the people an import made have none. */
    private List<SubjectId> keepingARecord(int count) {
        return jdbc.sql("""
                        SELECT subject_id FROM personal_record WHERE due_at IS NULL OR due_at > now()
                         GROUP BY subject_id ORDER BY random() LIMIT :count""")
                .param("count", count)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    private List<SubjectId> madeWithNothingElse(int count, SyntheticPeople people) {
        String nonce = UUID.randomUUID().toString();
        List<BulkSubjects.NewSubject> made = IntStream.range(0, count)
                .mapToObj(i -> new BulkSubjects.NewSubject(
                        List.of(Identifier.email("due-" + nonce + "-" + i + "@bench.invalid")),
                        List.of(),
                        people.longAgo()))
                .toList();
        return Objects.requireNonNull(transaction.execute(status -> subjects.create(made))).stream()
                .map(BulkSubjects.Created::subject)
                .toList();
    }

    /** The two lists' people taking turns, so that both kinds are spread over the sweep's batches alike. */
    private static List<SubjectId> alternating(List<SubjectId> first, List<SubjectId> second) {
        List<SubjectId> both = new ArrayList<>(first.size() + second.size());
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                both.add(first.get(i));
            }
            if (i < second.size()) {
                both.add(second.get(i));
            }
        }
        return both;
    }
}
