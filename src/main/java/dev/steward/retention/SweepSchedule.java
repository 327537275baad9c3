package dev.steward.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps every node on its own schedule. Nodes need not take turns: batches claimed with {@code SKIP LOCKED} never
 * overlap, so two nodes sweeping at once simply share the work.
 */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "steward.retention.scheduled", havingValue = "true", matchIfMissing = true)
class SweepSchedule {

    private final Sweeper sweeper;

    SweepSchedule(Sweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(
            fixedDelayString = "${steward.retention.sweep-interval}",
            initialDelayString = "${steward.retention.sweep-interval}")
    void sweep() {
        if (sweeper.current().isEmpty()) {
            try {
                sweeper.sweep("schedule", progress -> {});
            } catch (Sweeper.AlreadyRunning e) {
                // a sweep started from the console or the API got there first; it does the same work
            }
        }
    }
}
