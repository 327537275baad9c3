package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tombstones a transaction chains before it commits are chained in one step (a sweep batch's records and the people
 * it left without any), and only with that transaction: a nested transaction's own are chained when it commits, not
 * carried into the outer one, whose rollback would otherwise lose the evidence of an erasure that did commit.
 */
@StewardTest
class TombstoneChainingTest {

    @Autowired
    Eraser eraser;

    @Autowired
    ErasureLogRepository log;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void aNestedTransactionChainsItsOwnTombstonesWhenItCommitsAndTheOuterRollbackKeepsThem() {
        Tombstone outer = tombstone();
        Tombstone inner = tombstone();
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            eraser.chainBeforeCommit(List.of(outer));
            nested.executeWithoutResult(innerStatus -> eraser.chainBeforeCommit(List.of(inner)));
            assertThat(log.contains(inner.id())).isTrue();
            status.setRollbackOnly();
        });

        assertThat(log.contains(inner.id())).isTrue();
        assertThat(log.contains(outer.id())).isFalse();
    }

    @Test
    void tombstonesChainedTwiceInOneTransactionAreAllChained() {
        Tombstone first = tombstone();
        Tombstone second = tombstone();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            eraser.chainBeforeCommit(List.of(first));
            eraser.chainBeforeCommit(List.of(second));
        });

        assertThat(log.contains(first.id())).isTrue();
        assertThat(log.contains(second.id())).isTrue();
    }

    private Tombstone tombstone() {
        return Tombstone.ofSubject(
                new SubjectId(UUID.randomUUID()),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                "test: chaining",
                false);
    }
}
