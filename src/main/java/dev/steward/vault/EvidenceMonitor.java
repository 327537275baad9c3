package dev.steward.vault;

import dev.steward.platform.ScrapedState;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tampering is found without anyone asking: each node verifies every evidence chain from time to time (a read of every
 * row, so not often; it is kept as any verification staff start, the result goes to {@link EvidenceMetrics}, and an
 * alert on {@code steward_evidence_chain_intact} reports a break), and each scrape reads how long ago every chain's
 * head was signed.
 */
@Component
class EvidenceMonitor implements ScrapedState {

    private final ChainCheckpoints checkpoints;
    private final EvidenceVerifications verifications;
    private final EvidenceMetrics metrics;

    EvidenceMonitor(ChainCheckpoints checkpoints, EvidenceVerifications verifications, EvidenceMetrics metrics) {
        this.checkpoints = checkpoints;
        this.verifications = verifications;
        this.metrics = metrics;
    }

    @Scheduled(
            fixedDelayString = "${steward.evidence.verify-interval:PT6H}",
            initialDelayString = "${steward.evidence.verify-delay:PT10M}")
    void verifyFromTimeToTime() {
        // one staff started is running already: it is as recent a verification as this one would be
        verifications.start("schedule", null);
    }

    @Override
    public void refresh() {
        metrics.signed(checkpoints.lastSigned());
    }
}
