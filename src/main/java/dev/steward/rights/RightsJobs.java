package dev.steward.rights;

import dev.steward.consent.ConsentLedger;
import dev.steward.platform.ClusterLock;
import dev.steward.vault.Vault;
import java.time.Clock;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights module's background work, each job once across nodes: webhooks to recipients, unverified requests that
 * expire (and the person Steward knew only from that request is erased), and access packages nobody downloaded.
 */
@Component
@Profile("!cli")
class RightsJobs {

    private final RecipientNotices notices;
    private final RequestRepository requests;
    private final AccessPackages packages;
    private final Vault vault;
    private final ConsentLedger ledger;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RightsJobs(
            RecipientNotices notices,
            RequestRepository requests,
            AccessPackages packages,
            Vault vault,
            ConsentLedger ledger,
            ClusterLock lock,
            TransactionTemplate transaction,
            Clock clock) {
        this.notices = notices;
        this.requests = requests;
        this.packages = packages;
        this.vault = vault;
        this.ledger = ledger;
        this.lock = lock;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steward.rights.webhook-interval:PT10S}")
    void deliverWebhooks() {
        transaction.executeWithoutResult(status -> {
            if (lock.tryLock("recipient-webhooks")) {
                notices.deliverDue(20);
            }
        });
    }

    @Scheduled(fixedDelayString = "${steward.rights.purge-interval:PT5M}")
    void purge() {
        transaction.executeWithoutResult(status -> {
            if (lock.tryLock("rights-purge")) {
                expireUnverified();
                packages.purgeExpired();
            }
        });
    }

    /** Unverified requests expire; a person Steward knew only through such a request is erased with it. */
    void expireUnverified() {
        for (RightsRequest request : requests.unverifiedBefore(clock.instant())) {
            requests.expire(request.id(), clock.instant());
            boolean onlyThis = vault.records(request.subject()).isEmpty()
                    && ledger.history(request.subject()).isEmpty()
                    && requests.of(request.subject()).size() == 1;
            if (onlyThis) {
                vault.eraseSubject(request.subject(), "unverified rights request expired");
            }
        }
    }
}
