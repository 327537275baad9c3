package dev.steward.intake;

import dev.steward.platform.ClusterLock;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Erases children's held submissions that no parent confirmed in time, once across all nodes. */
@Component
@Profile("!cli")
class HeldSubmissionSweep {

    private static final int BATCH = 200;

    private final ParentalConsents parents;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;

    HeldSubmissionSweep(ParentalConsents parents, ClusterLock lock, TransactionTemplate transaction) {
        this.parents = parents;
        this.lock = lock;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${steward.intake.held-sweep-interval}")
    void sweep() {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(
                    status -> lock.tryLock("intake-held-submissions") && parents.eraseExpired(BATCH) == BATCH));
        }
    }
}
