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
 * The rights module's background work: webhooks to recipients, portability transfers and, each once across nodes,
 * unverified requests that expire (and the person Steward knew only from that request is erased), access packages nobody
 * downloaded, and wrong codes that no longer count.
 */
@Component
@Profile("!cli")
class RightsJobs {

    private final RecipientWebhooks webhooks;
    private final PortabilityTransfers transfers;
    private final RequestRepository requests;
    private final AccessPackages packages;
    private final WrongCodes wrongCodes;
    private final Vault vault;
    private final ConsentLedger ledger;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RightsJobs(
            RecipientWebhooks webhooks,
            PortabilityTransfers transfers,
            RequestRepository requests,
            AccessPackages packages,
            WrongCodes wrongCodes,
            Vault vault,
            ConsentLedger ledger,
            ClusterLock lock,
            TransactionTemplate transaction,
            Clock clock) {
        this.webhooks = webhooks;
        this.wrongCodes = wrongCodes;
        this.transfers = transfers;
        this.requests = requests;
        this.packages = packages;
        this.vault = vault;
        this.ledger = ledger;
        this.lock = lock;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Every node sends due webhooks and transfers: the outbound queue leases each to one node at a time. */
    @Scheduled(fixedDelayString = "${steward.rights.webhook-interval:PT10S}")
    void sendOutbound() {
        webhooks.deliverDue();
        transfers.deliverDue();
    }

    @Scheduled(fixedDelayString = "${steward.rights.purge-interval:PT5M}")
    void purge() {
        transaction.executeWithoutResult(status -> {
            if (lock.tryLock("rights-purge")) {
                expireUnverified();
                packages.purgeExpired();
                wrongCodes.purge();
            }
        });
    }

    /** Unverified requests expire; a person Steward knew only through such a request is erased with it. */
    void expireUnverified() {
        for (RightsRequest request : requests.unverifiedBefore(clock.instant())) {
            requests.expire(request.id(), clock.instant(), RightsRequest.NEVER_VERIFIED);
            boolean onlyThis = vault.records(request.subject()).isEmpty()
                    && ledger.history(request.subject()).isEmpty()
                    && requests.of(request.subject()).size() == 1;
            if (onlyThis) {
                vault.eraseSubject(request.subject(), "unverified rights request expired");
            }
        }
    }
}
