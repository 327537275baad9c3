package dev.steward.intake;

import dev.steward.platform.ClusterLock;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Erases children's held submissions that no parent confirmed in time, once across all nodes. */
@Component
@Profile("!cli")
class HeldSubmissionSweep {

    private static final int BATCH = 200;

    private final ParentalConsents parents;
    private final ClusterLock lock;

    HeldSubmissionSweep(ParentalConsents parents, ClusterLock lock) {
        this.parents = parents;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${steward.intake.held-sweep-interval}")
    void sweep() {
        lock.inBatches("intake-held-submissions", BATCH, () -> parents.eraseExpired(BATCH));
    }
}
