package dev.steward.vault;

import dev.steward.platform.ScrapedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tampering is found without anyone asking: each node verifies every evidence chain from time to time (a read of every
 * row, so not often; the result goes to {@link EvidenceMetrics}, and an alert on {@code steward_evidence_chain_intact}
 * reports a break), and each scrape reads how long ago every chain's head was signed.
 */
@Component
class EvidenceMonitor implements ScrapedState {

    private static final Logger log = LoggerFactory.getLogger(EvidenceMonitor.class);

    private final ChainCheckpoints checkpoints;
    private final EvidenceMetrics metrics;

    EvidenceMonitor(ChainCheckpoints checkpoints, EvidenceMetrics metrics) {
        this.checkpoints = checkpoints;
        this.metrics = metrics;
    }

    @Scheduled(
            fixedDelayString = "${steward.evidence.verify-interval:PT6H}",
            initialDelayString = "${steward.evidence.verify-delay:PT10M}")
    void verifyFromTimeToTime() {
        checkpoints.verifyAll().stream()
                .filter(result -> !result.intact())
                .forEach(result -> log.error("Evidence chain broken: {}", result.describe()));
    }

    @Override
    public void refresh() {
        metrics.signed(checkpoints.lastSigned());
    }
}
