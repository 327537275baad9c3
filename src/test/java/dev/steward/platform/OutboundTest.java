package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbound queue on the real database: leases, pauses, interrupted attempts, several runs at once. */
@StewardTest
class OutboundTest {

    @Autowired
    Outbound outbound;

    @Autowired
    OutboundSettings settings;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** A job whose attempts answer what the test says, and which remembers what it saw. */
    static final class Job implements OutboundJob<Job.Outcome> {

        record Outcome(Next next) implements OutboundJob.Result {}

        final String name = "test-" + UUID.randomUUID();
        final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<OutboundItem> claimed = new CopyOnWriteArrayList<>();
        final List<Settled<Outcome>> recorded = new CopyOnWriteArrayList<>();
        final List<Boolean> attemptedInTransaction = new CopyOnWriteArrayList<>();
        final List<Boolean> recordedInTransaction = new CopyOnWriteArrayList<>();
        volatile Function<OutboundItem, Next> answer = item -> Next.done();
        volatile int answered = Integer.MAX_VALUE;
        volatile Runnable during = () -> {};
        volatile int chunk = 10;
        volatile int parallelism = 2;
        /** The node dies as it is about to send this item, counted from the start of the run; never when negative. */
        volatile int diesAt = -1;

        volatile Runnable death = () -> {};
        /** The order in which it sends a chunk's items; as claimed when null. */
        volatile @Nullable Comparator<OutboundItem> order;

        volatile boolean dead;
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public String name() {
            return name;
        }

        @Override
        public int chunk() {
            return chunk;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public Duration attemptBound() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Map<UUID, Outcome> attempt(List<OutboundItem> items, Lease lease) {
            attemptedInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            Comparator<OutboundItem> sorted = order;
            if (sorted != null) {
                items = items.stream().sorted(sorted).toList();
            }
            claimed.addAll(items);
            during.run();
            Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
            if (dead) {
                return outcomes;
            }
            StartMarks starts = lease.starts(items);
            for (OutboundItem item : items.subList(0, Math.min(answered, items.size()))) {
                if (!starts.begin(item)) {
                    continue;
                }
                if (sent.getAndIncrement() == diesAt) {
                    // as the node dies with the item handed over: what the queue holds now is what it left behind
                    death.run();
                    dead = true;
                    throw new IllegalStateException("the node died");
                }
                attempts.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
                outcomes.put(item.id(), new Outcome(answer.apply(item)));
            }
            return outcomes;
        }

        @Override
        public void record(List<Settled<Outcome>> settled) {
            recordedInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            recorded.addAll(settled);
        }

        Settlement last(UUID item) {
            return recorded.stream()
                    .filter(settled -> settled.item().id().equals(item))
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .settlement();
        }
    }

    @Test
    void itemsAreSentWithNoTransactionOpenAndRecordedInOneAndThenLeaveTheQueue() {
        Job job = new Job();
        List<UUID> items = enqueue(job, 25);

        assertThat(outbound.drain(job)).isEqualTo(25);

        assertThat(job.attempts.keySet()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(job.attemptedInTransaction).isNotEmpty().containsOnly(false);
        assertThat(job.recordedInTransaction).isNotEmpty().containsOnly(true);
        assertThat(job.recorded)
                .allSatisfy(settled -> assertThat(settled.settlement())
                        .isEqualTo(new OutboundJob.Settlement(OutboundJob.Settlement.Kind.DONE, 1, null, null)));
        assertThat(queued(job)).isZero();
        assertThat(outbound.drain(job)).as("nothing is sent twice").isZero();
    }

    @Test
    void aFailedAttemptIsRetriedAfterPausesThatDoubleUntilTheLastAttemptGivesUp() {
        Job job = new Job();
        job.answer = item -> OutboundJob.Next.retry("ConnectException");
        UUID item = enqueue(job, 1).get(0);

        List<Duration> pauses = new ArrayList<>();
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            Instant before = clock.instant();
            outbound.drain(job);
            OutboundJob.Settlement settlement = job.last(item);
            assertThat(settlement.kind()).isEqualTo(OutboundJob.Settlement.Kind.RETRY);
            assertThat(settlement.attempts()).isEqualTo(attempt);
            assertThat(settlement.error()).isEqualTo("ConnectException");
            pauses.add(Duration.between(before, settlement.nextAttemptAt()));
            clock.advance(pauses.get(pauses.size() - 1).minusSeconds(1));
            assertThat(outbound.drain(job))
                    .as("not due before its pause is over")
                    .isZero();
            clock.advance(Duration.ofSeconds(1));
        }
        outbound.drain(job);

        assertThat(pauses)
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(16),
                        Duration.ofMinutes(32),
                        Duration.ofMinutes(64));
        assertThat(job.last(item).kind()).isEqualTo(OutboundJob.Settlement.Kind.GAVE_UP);
        assertThat(job.last(item).attempts()).isEqualTo(settings.maxAttempts());
        assertThat(queued(job)).isZero();
    }

    @Test
    void anItemLookedAtLaterKeepsItsCountOfAttempts() {
        Job job = new Job();
        job.answer = item -> OutboundJob.Next.later(clock.instant().plus(Duration.ofMinutes(1)));
        UUID item = enqueue(job, 1).get(0);

        outbound.drain(job);
        assertThat(job.last(item))
                .isEqualTo(new OutboundJob.Settlement(
                        OutboundJob.Settlement.Kind.LATER, 0, clock.instant().plus(Duration.ofMinutes(1)), null));
        assertThat(outbound.drain(job)).isZero();

        clock.advance(Duration.ofMinutes(1));
        job.answer = ignored -> OutboundJob.Next.done();
        outbound.drain(job);
        assertThat(job.last(item).attempts()).isEqualTo(1);
    }

    @Test
    void anAttemptInterruptedByANodeThatDiedIsRetriedOnceWhenItsLeaseEndsAndNeverAThirdTime() {
        Job job = new Job();
        UUID item = enqueue(job, 1).get(0);

        leftByADeadNode(job, item, Duration.ofSeconds(30));
        assertThat(outbound.drain(job)).as("still leased to the node that died").isZero();

        clock.advance(Duration.ofSeconds(31));
        job.answer = ignored -> OutboundJob.Next.retry("SocketTimeoutException");
        outbound.drain(job);
        assertThat(job.claimed).singleElement().satisfies(claimed -> {
            assertThat(claimed.resumed()).isTrue();
            assertThat(claimed.attempts()).as("the interrupted attempt counts").isEqualTo(1);
        });
        assertThat(job.last(item).attempts()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        leftByADeadNode(job, item, Duration.ofSeconds(-1));
        outbound.drain(job);

        assertThat(job.attempts.get(item))
                .as("not attempted after a second interruption")
                .hasValue(1);
        OutboundJob.Settled<Job.Outcome> abandoned = job.recorded.get(job.recorded.size() - 1);
        assertThat(abandoned.result()).isNull();
        assertThat(abandoned.settlement().kind()).isEqualTo(OutboundJob.Settlement.Kind.ABANDONED);
        assertThat(abandoned.settlement().attempts()).isEqualTo(3);
        assertThat(queued(job)).isZero();
    }

    @Test
    void runsAtOnceOnSeveralThreadsNeverAttemptTheSameItemTwice() throws Exception {
        Job job = new Job();
        job.during = () -> sleep(Duration.ofMillis(2));
        List<UUID> items = enqueue(job, 300);
        ExecutorService runs = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> settled = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                settled.add(runs.submit(() -> outbound.drain(job)));
            }
            int total = 0;
            for (Future<Integer> run : settled) {
                total += run.get();
            }
            assertThat(total).isEqualTo(300);
        } finally {
            runs.shutdownNow();
        }
        assertThat(job.attempts.keySet()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(job.attempts.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aNodeWhoseLeasePassedToAnotherDoesNotSettleWhatItNoLongerHolds() {
        Job job = new Job();
        List<UUID> items = enqueue(job, 2);
        UUID lost = items.get(0);
        job.during = () -> jdbc.sql("UPDATE outbound_item SET lease_id = :other WHERE job = :job AND item = :item")
                .param("other", UUID.randomUUID())
                .param("job", job.name)
                .param("item", lost)
                .update();

        outbound.drain(job);

        assertThat(job.recorded).extracting(settled -> settled.item().id()).containsExactly(items.get(1));
        assertThat(queued(job)).as("the other node settles it").isEqualTo(1);
    }

    @Test
    void itemsTheJobDidNotGetToGoBackUntouched() {
        Job job = new Job();
        job.answered = 3;
        // one worker: two claiming at once may share the ten items between them
        job.parallelism = 1;
        AtomicInteger calls = new AtomicInteger();
        // the lease runs short after three items; the next claim gets no further either
        job.during = () -> {
            if (calls.getAndIncrement() > 0) {
                job.answered = 0;
            }
        };
        enqueue(job, 10);

        outbound.drain(job);

        assertThat(job.recorded).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_item WHERE job = :job AND attempts = 0 AND lease_id IS NULL"
                                + " AND due_at <= :now")
                        .param("job", job.name)
                        .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
    }

    /** A {@link Job} that claims one ahead: what it prepared for a chunk is handed to that chunk's attempt. */
    static class AheadJob implements OutboundJob.ClaimedAhead<Job.Outcome, List<UUID>> {

        final Job job = new Job();
        final List<String> preparedOn = new CopyOnWriteArrayList<>();
        final List<Boolean> preparedInTransaction = new CopyOnWriteArrayList<>();
        final List<Boolean> preparedFor = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return job.name;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public int chunk() {
            return job.chunk();
        }

        @Override
        public Duration attemptBound() {
            return job.attemptBound();
        }

        @Override
        public List<UUID> prepare(List<OutboundItem> items) {
            preparedOn.add(Thread.currentThread().getName());
            preparedInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return items.stream().map(OutboundItem::id).toList();
        }

        @Override
        public Map<UUID, Job.Outcome> attempt(List<OutboundItem> items, List<UUID> prepared, Lease lease) {
            preparedFor.add(prepared.equals(items.stream().map(OutboundItem::id).toList()));
            return job.attempt(items, lease);
        }

        @Override
        public void record(List<Settled<Job.Outcome>> settled) {
            job.record(settled);
        }
    }

    @Test
    void aJobThatClaimsAheadHasItsNextChunkClaimedAndPreparedWhileOneIsAttemptedAndAttemptsEachItemOnce() {
        AheadJob ahead = new AheadJob();
        List<Long> leasedDuringAttempts = new CopyOnWriteArrayList<>();
        // each attempt finds its own chunk and the next leased (claimed ahead on another thread: awaited), and no
        // more 300 ms later
        Iterator<Long> claimedByNow = List.of(20L, 20L, 15L, 5L).iterator();
        ahead.job.during = () -> {
            awaitLeasedAtLeast(ahead.job, claimedByNow.hasNext() ? claimedByNow.next() : 0);
            sleep(Duration.ofMillis(300));
            leasedDuringAttempts.add(leased(ahead.job));
        };
        List<UUID> items = enqueue(ahead.job, 35);

        assertThat(outbound.drain(ahead)).isEqualTo(35);

        assertThat(ahead.job.attempts.keySet()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(ahead.job.attempts.values())
                .allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(ahead.preparedFor)
                .as("each attempt got what was prepared for its items")
                .containsExactly(true, true, true, true);
        assertThat(ahead.preparedInTransaction).containsOnly(false);
        assertThat(ahead.job.attemptedInTransaction).containsOnly(false);
        assertThat(ahead.preparedOn.subList(1, 4))
                .allSatisfy(thread -> assertThat(thread).startsWith("outbound-ahead-"));
        assertThat(leasedDuringAttempts)
                .as("while a full chunk is attempted, the next is already claimed; not while the last one is")
                .containsExactly(20L, 20L, 15L, 5L);
        assertThat(queued(ahead.job)).isZero();
    }

    @Test
    void theChunkClaimedAheadGoesBackUntouchedWhenNothingOfTheChunkBeforeWentOut() {
        AheadJob ahead = new AheadJob();
        ahead.job.answered = 3;
        AtomicInteger calls = new AtomicInteger();
        // the lease runs short after three items; the next chunk gets no further either
        ahead.job.during = () -> {
            if (calls.getAndIncrement() > 0) {
                ahead.job.answered = 0;
            }
        };
        enqueue(ahead.job, 30);

        outbound.drain(ahead);

        assertThat(ahead.job.recorded).hasSize(3);
        assertThat(calls)
                .as("no chunk is attempted after one that got nothing out")
                .hasValue(2);
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM outbound_item WHERE job = :job AND attempts = 0 AND interrupted = 0
                                AND lease_id IS NULL AND due_at <= :now
                                """)
                        .param("job", ahead.job.name)
                        .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(27);
    }

    /**
     * A node that claims ahead dies twice while sending the first chunk, the same next chunk claimed ahead each time:
     * that chunk was never started, so it comes back untried both times and goes out once, no interruption counted.
     * The items of the chunk in flight whose sending had begun count both interruptions and are given up.
     */
    @Test
    void theChunkClaimedAheadComesBackUntriedAfterTwoCrashesAndGoesOutOnce() {
        AheadJob ahead = new AheadJob();
        Job job = ahead.job;
        List<UUID> items = enqueueInOrder(job, 30);
        List<UUID> claimedAhead = items.subList(10, 20);

        for (int crash = 0; crash < 2; crash++) {
            diesWhileSending(job, 3, () -> awaitLeased(job, 20), () -> outbound.drain(ahead));
            List<OutboundItem> claimed = List.copyOf(job.claimed);
            assertThat(claimed.subList(claimed.size() - 10, claimed.size()))
                    .extracting(OutboundItem::id)
                    .as("the node died in the first chunk, sending it in the order it was due")
                    .containsExactlyElementsOf(items.subList(0, 10));
        }
        assertThat(job.attempts.keySet()).as("before the crashes").doesNotContainAnyElementsOf(claimedAhead);
        assertThat(outbound.drain(ahead)).isEqualTo(30);

        assertThat(job.claimed)
                .filteredOn(claimed -> claimedAhead.contains(claimed.id()))
                .as("claimed ahead at each crash, then attempted once")
                .hasSize(10)
                .allSatisfy(claimed -> assertThat(claimed.interrupted()).isZero());
        for (UUID item : items.subList(10, 30)) {
            assertThat(job.attempts.get(item)).as("sent exactly once").hasValue(1);
            assertThat(job.last(item))
                    .isEqualTo(new OutboundJob.Settlement(OutboundJob.Settlement.Kind.DONE, 1, null, null));
        }
        assertThat(items.subList(0, 4))
                .as("begun before each crash: the window marked with the first, then each on its own")
                .allSatisfy(item -> assertThat(job.last(item).kind()).isEqualTo(OutboundJob.Settlement.Kind.ABANDONED));
        assertThat(items.subList(4, 10))
                .as("interrupted once, with the first window; not begun before the second crash")
                .allSatisfy(item -> {
                    assertThat(job.attempts.get(item)).hasValue(1);
                    assertThat(job.last(item).kind()).isEqualTo(OutboundJob.Settlement.Kind.DONE);
                });
        assertThat(queued(job)).isZero();
    }

    /**
     * A node dies twice a few items into a chunk larger than the windows marked as started: the items of the chunk
     * that were never handed over come back untried after both crashes, and go out once.
     */
    @Test
    void theItemsOfTheChunkInFlightThatWereNotHandedOverComeBackUntriedAfterTwoCrashes() {
        Job job = new Job();
        int size = 3 * StartMarks.WINDOW;
        job.chunk = size;
        job.parallelism = 1;
        List<UUID> items = enqueueInOrder(job, size);
        // beyond the window marked with the first item and the one marked ahead of it
        List<UUID> neverHandedOver = items.subList(2 * StartMarks.WINDOW, size);

        for (int crash = 0; crash < 2; crash++) {
            diesWhileSending(job, 5, () -> {}, () -> outbound.drain(job));
        }
        assertThat(outbound.drain(job)).isEqualTo(size);

        assertThat(job.claimed)
                .filteredOn(claimed -> neverHandedOver.contains(claimed.id()))
                .as("claimed at each crash, never begun")
                .hasSize(3 * neverHandedOver.size())
                .allSatisfy(claimed -> assertThat(claimed.interrupted()).isZero());
        for (UUID item : items.subList(6, size)) {
            assertThat(job.attempts.get(item)).as("sent exactly once").hasValue(1);
            assertThat(job.last(item).kind()).isEqualTo(OutboundJob.Settlement.Kind.DONE);
        }
        assertThat(items.subList(0, 6))
                .as("begun before each crash (the first five sent twice, the sixth handed over as the node died)")
                .allSatisfy(item -> assertThat(job.last(item).kind()).isEqualTo(OutboundJob.Settlement.Kind.ABANDONED));
        assertThat(queued(job)).isZero();
    }

    /**
     * Runs {@code drain} until the job has sent {@code sent} more items and is about to send the next; then, once
     * {@code before} returns, takes what the queue holds, as a node killed at that moment leaves it, lets the run end
     * (the job sends nothing more) and puts the queue back as the dead node left it, its leases over.
     */
    private void diesWhileSending(Job job, int sent, Runnable before, Runnable drain) {
        String snapshot = "crashed_" + UUID.randomUUID().toString().replace("-", "");
        job.dead = false;
        job.diesAt = job.sent.get() + sent;
        job.death = () -> {
            before.run();
            jdbc.sql("CREATE TABLE " + snapshot + " AS SELECT * FROM outbound_item WHERE job = '" + job.name + "'")
                    .update();
        };
        drain.run();
        assertThat(job.dead).as("the node died").isTrue();
        jdbc.sql("DELETE FROM outbound_item WHERE job = :job")
                .param("job", job.name)
                .update();
        jdbc.sql("INSERT INTO outbound_item SELECT * FROM " + snapshot).update();
        jdbc.sql("DROP TABLE " + snapshot).update();
        job.diesAt = -1;
        job.dead = false;
        clock.advance(settings.lease().plusSeconds(1));
    }

    /** Items due in the order given, so that each claim takes the earliest, and sent in that order. */
    private List<UUID> enqueueInOrder(Job job, int count) {
        List<UUID> items = new ArrayList<>();
        Instant first = clock.instant().minusSeconds(count);
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID item = UUID.randomUUID();
                outbound.enqueue(job.name, item, first.plusSeconds(i));
                items.add(item);
            }
        });
        job.order = Comparator.comparing(item -> items.indexOf(item.id()));
        return items;
    }

    /**
     * Waits up to ten seconds for the job to have at least {@code count} items leased. WHY not a fixed pause: the chunk
     * claimed ahead is claimed by another thread, on a connection of its own, and a busy machine may run it later than
     * any pause short enough for a test (a claim held back 600 ms made the 300 ms pause this test had see 10, not 20).
     */
    private void awaitLeasedAtLeast(Job job, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leased(job) < count && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(10));
        }
    }

    private void awaitLeased(Job job, long count) {
        awaitLeasedAtLeast(job, count);
        assertThat(leased(job)).as("the next chunk claimed ahead").isEqualTo(count);
    }

    private long leased(Job job) {
        return jdbc.sql("SELECT count(*) FROM outbound_item WHERE job = :job AND lease_id IS NOT NULL")
                .param("job", job.name)
                .query(Long.class)
                .single();
    }

    private List<UUID> enqueue(Job job, int count) {
        return enqueue(transaction, outbound, clock, job, count);
    }

    /** {@code count} new items of the job, due now, queued in one transaction. */
    static List<UUID> enqueue(TransactionTemplate transaction, Outbound outbound, TestClock clock, Job job, int count) {
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

    /**
     * As a node leaves an item it claimed, began to send and died with: leased, marked as started, the lease ending
     * after {@code left}.
     */
    private void leftByADeadNode(Job job, UUID item, Duration left) {
        jdbc.sql("""
                        UPDATE outbound_item SET lease_id = :lease, leased_by = 'dead-node', leased_until = :until,
                            started = true
                        WHERE job = :job AND item = :item
                        """)
                .param("lease", UUID.randomUUID())
                .param("until", clock.instant().plus(left).atOffset(java.time.ZoneOffset.UTC))
                .param("job", job.name)
                .param("item", item)
                .update();
    }

    private long queued(Job job) {
        return jdbc.sql("SELECT count(*) FROM outbound_item WHERE job = :job")
                .param("job", job.name)
                .query(Long.class)
                .single();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
