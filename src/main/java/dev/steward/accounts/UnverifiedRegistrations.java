package dev.steward.accounts;

import dev.steward.platform.ClusterLock;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registrations nobody verified in time are erased with everything their form sent, once across all nodes: an address
 * typed by a stranger must not leave an account, or data, behind. Accounts registered before verification was
 * required have no deadline and are kept.
 */
@Component
@Profile("!cli")
class UnverifiedRegistrations {

    private static final int BATCH = 200;

    private final AccountRepository accounts;
    private final Vault vault;
    private final ClusterLock lock;
    private final Clock clock;

    UnverifiedRegistrations(AccountRepository accounts, Vault vault, ClusterLock lock, Clock clock) {
        this.accounts = accounts;
        this.vault = vault;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steward.accounts.unverified-sweep-interval}")
    void sweep() {
        lock.inBatches("accounts-unverified", BATCH, this::eraseExpired);
    }

    /** Erases one batch in the caller's transaction; answers how many registrations it erased. */
    int eraseExpired() {
        List<Account> expired = accounts.unverifiedBefore(clock.instant(), BATCH);
        expired.forEach(account -> vault.eraseSubject(account.subject(), "registration never verified"));
        return expired.size();
    }
}
