package dev.steward.consent;

import dev.steward.platform.ClusterLock;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Lapses consents whose validity period ran out, once across all nodes, every minute. */
@Component
@Profile("!cli")
class ConsentLapses {

    private static final int BATCH = 500;

    private final ConsentLedger ledger;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;

    ConsentLapses(ConsentLedger ledger, ClusterLock lock, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.lock = lock;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${steward.consent.lapse-interval:PT1M}")
    void lapse() {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(
                    status -> lock.tryLock("consent-lapses") && ledger.lapseExpired(BATCH) == BATCH));
        }
    }
}
