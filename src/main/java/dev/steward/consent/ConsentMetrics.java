package dev.steward.consent;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code steward.consent.events{site,action}} counts consent events this node appended to the ledger, and
 * {@code steward.consent.receipts{site,action}} the signed receipts it issued for them (forms, banner, integrators,
 * staff on a person's behalf and imports alike), once their transaction committed. Labels are catalog keys and
 * action names only.
 */
@Component
class ConsentMetrics {

    private final MeterRegistry registry;

    ConsentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the events, with their receipts, when the caller's transaction commits; nothing if it rolls back. */
    void countOnCommit(List<ConsentEvent> events) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.forEach(ConsentMetrics.this::count);
            }
        });
    }

    /** The ledger's own appends announce themselves; imports are counted by {@link #countOnCommit}. */
    @TransactionalEventListener
    void recorded(ConsentRecorded event) {
        count(event.site(), event.action());
    }

    private void count(ConsentEvent event) {
        count(event.site(), event.action());
    }

    private void count(String site, ConsentAction consentAction) {
        String action = consentAction.key();
        registry.counter("steward.consent.events", "site", site, "action", action)
                .increment();
        registry.counter("steward.consent.receipts", "site", site, "action", action)
                .increment();
    }
}
