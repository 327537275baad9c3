package dev.steward.consent;

import dev.steward.platform.ClusterLock;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lapses consents whose validity period ran out, once across all nodes, every minute. */
@Component
@Profile("!cli")
class ConsentLapses {

    private static final int BATCH = 500;

    private final ConsentLedger ledger;
    private final ClusterLock lock;

    ConsentLapses(ConsentLedger ledger, ClusterLock lock) {
        this.ledger = ledger;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${steward.consent.lapse-interval:PT1M}")
    void lapse() {
        lock.inBatches("consent-lapses", BATCH, () -> ledger.lapseExpired(BATCH));
    }
}
