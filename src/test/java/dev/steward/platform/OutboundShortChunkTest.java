package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker that claims ahead goes on after a chunk that came back short: the claim updates the rows it locked by their
 * address, and leaves one that another transaction changed between the two for the next claim.
 */
@StewardTest
class OutboundShortChunkTest {

    @Autowired
    Outbound outbound;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /**
     * A claim may come back short while more is due (here the rest was queued only as the first chunk was prepared; in
     * production, a row another transaction rescheduled between the claim's scan and its update): the worker claims
     * ahead all the same and sends what is due in the same run. Before, it stopped after any chunk short of full.
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
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_item WHERE job = :job")
                        .param("job", ahead.job.name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<UUID> enqueue(OutboundTest.Job job, int count) {
        return OutboundTest.enqueue(transaction, outbound, clock, job, count);
    }
}
