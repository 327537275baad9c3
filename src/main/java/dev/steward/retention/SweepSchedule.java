package dev.steward.retention;

import dev.steward.platform.ClusterLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the scheduled sweep once across the nodes sharing the database: the node that takes the cluster lock sweeps
 * and issues the run's one certificate, the others skip that turn. A sweep started by hand still shares the work with
 * a running one, since batches are claimed with {@code SKIP LOCKED}.
 */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "steward.retention.scheduled", havingValue = "true", matchIfMissing = true)
class SweepSchedule {

    private final Sweeper sweeper;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;

    SweepSchedule(Sweeper sweeper, ClusterLock lock, TransactionTemplate transaction) {
        this.sweeper = sweeper;
        this.lock = lock;
        this.transaction = transaction;
    }

    @Scheduled(
            fixedDelayString = "${steward.retention.sweep-interval}",
            initialDelayString = "${steward.retention.sweep-interval}")
    void sweep() {
        // the lock lives as long as this transaction, which spans the run; the batches commit in their own
        transaction.executeWithoutResult(status -> {
            if (lock.tryLock("retention-sweep")) {
                try {
                    sweeper.sweep("schedule", progress -> {});
                } catch (Sweeper.AlreadyRunning e) {
                    // a sweep started from the console or the API got there first; it does the same work
                }
            }
        });
    }
}
