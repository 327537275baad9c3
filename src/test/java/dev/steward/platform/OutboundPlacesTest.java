package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue finds a lease's rows where its last statement left them ({@link Places}), and by key when they moved; and
 * a worker that claims ahead goes on after a chunk that came back short.
 */
@StewardTest
class OutboundPlacesTest {

    @Autowired
    Outbound outbound;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    OutboundQueue queue;

    /**
     * Each statement of a lease answers where it left the rows, so that the next finds them there: the claim, the mark
     * as started, the delete. (Were an old address answered, every statement would fall back to the key.)
     */
    @Test
    void eachStatementOfALeaseNotesWhereItLeftTheRows() {
        OutboundTest.Job job = new OutboundTest.Job();
        List<UUID> items = enqueue(job, 3);
        UUID lease = UUID.randomUUID();
        Places places = new Places();
        Instant now = clock.instant();

        List<OutboundItem> claimed = transaction.execute(
                status -> queue.claim(job.name, now, 10, lease, "test", now.plusSeconds(60), places));

        assertThat(claimed).extracting(OutboundItem::id).containsExactlyInAnyOrderElementsOf(items);
        assertThat(places.known(items).places()).isEqualTo(rowsOf(items));
        assertThat(queue.start(job.name, lease, items, places)).containsExactlyInAnyOrderElementsOf(items);
        assertThat(places.known(items).places()).as("a new version each").isEqualTo(rowsOf(items));
        List<UUID> removed = transaction.execute(status -> queue.remove(job.name, lease, items, places));
        assertThat(removed).containsExactlyInAnyOrderElementsOf(items);
        assertThat(count("SELECT count(*) FROM outbound_item WHERE job = :job", job))
                .isZero();
    }

    /** A place given is no use for a lease it does not hold: nothing is marked or deleted. */
    @Test
    void aLeaseThatDoesNotHoldTheItemsTouchesNothingWhereverItLooks() {
        OutboundTest.Job job = new OutboundTest.Job();
        List<UUID> items = enqueue(job, 2);
        Places places = new Places();
        Instant now = clock.instant();
        transaction.execute(
                status -> queue.claim(job.name, now, 10, UUID.randomUUID(), "test", now.plusSeconds(60), places));

        UUID other = UUID.randomUUID();
        assertThat(queue.start(job.name, other, items, places)).isEmpty();
        List<UUID> removed = transaction.execute(status -> queue.remove(job.name, other, items, places));
        assertThat(removed).isEmpty();
        assertThat(count("SELECT count(*) FROM outbound_item WHERE job = :job AND NOT started", job))
                .isEqualTo(2);
    }

    private List<String> rowsOf(List<UUID> items) {
        return items.stream()
                .map(item -> jdbc.sql("SELECT ctid::text FROM outbound_item WHERE item = :item")
                        .param("item", item)
                        .query(String.class)
                        .single())
                .toList();
    }

    /**
     * {@code VACUUM FULL} rewrites the queue while a chunk is leased, once before its marks and once before its settle:
     * every address the lease knows is then stale, and may hold another job's row or another item of the chunk. Each
     * item is still marked, sent once and taken out of the queue, and no other row is touched.
     */
    @Test
    void aChunkWhoseRowsMovedWhileItWasLeasedIsMarkedAndSettledByKeyAndNoOtherRowIsTouched() {
        OutboundTest.Job bystander = new OutboundTest.Job();
        List<UUID> others = enqueue(bystander, 40);
        OutboundTest.Job job = new OutboundTest.Job();
        job.chunk = 25;
        job.parallelism = 1;
        // the rows in front move into the space of those deleted before them
        jdbc.sql("DELETE FROM outbound_item WHERE job = :job AND item = ANY(:items)")
                .param("job", bystander.name)
                .param("items", others.subList(0, 20).toArray(UUID[]::new))
                .update();
        List<UUID> items = enqueue(job, 25);
        AtomicInteger answered = new AtomicInteger();
        job.during = this::rewriteQueue;
        job.answer = item -> {
            if (answered.incrementAndGet() == 25) {
                rewriteQueue();
            }
            return OutboundJob.Next.done();
        };

        assertThat(outbound.drain(job)).isEqualTo(25);

        assertThat(job.attempts.keySet()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(job.attempts.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(job.recorded)
                .hasSize(25)
                .allSatisfy(
                        settled -> assertThat(settled.settlement().kind()).isEqualTo(OutboundJob.Settlement.Kind.DONE));
        assertThat(count("SELECT count(*) FROM outbound_item WHERE job = :job", job))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM outbound_item WHERE job = :job AND NOT started AND lease_id IS NULL",
                        bystander))
                .as("the other job's rows, neither marked, leased nor deleted")
                .isEqualTo(20);
    }

    /**
     * A claim may come back short while more is due (here the rest was queued only as the first chunk was prepared; in
     * production, a row another transaction rescheduled between the claim's scan and its update): the worker claims
     * ahead all the same and sends what is due in the same run.
     */
    @Test
    void aWorkerThatClaimsAheadGoesOnAfterAShortChunk() {
        OutboundTest.AheadJob ahead = new OutboundTest.AheadJob() {
            final AtomicInteger prepared = new AtomicInteger();

            @Override
            public List<UUID> prepare(List<OutboundItem> items) {
                if (prepared.getAndIncrement() == 0) {
                    enqueue(job, 10);
                }
                return super.prepare(items);
            }
        };
        enqueue(ahead.job, 4);

        assertThat(outbound.drain(ahead)).isEqualTo(14);

        assertThat(ahead.job.attempts).hasSize(14);
        assertThat(count("SELECT count(*) FROM outbound_item WHERE job = :job", ahead.job))
                .isZero();
    }

    private void rewriteQueue() {
        jdbc.sql("VACUUM FULL outbound_item").update();
    }

    private List<UUID> enqueue(OutboundTest.Job job, int count) {
        List<UUID> items = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID item = UUID.randomUUID();
                outbound.enqueue(job.name, item, clock.instant());
                items.add(item);
            }
        });
        return items;
    }

    private long count(String sql, OutboundTest.Job job) {
        return jdbc.sql(sql).param("job", job.name).query(Long.class).single();
    }
}
