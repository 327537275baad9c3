package dev.steward.consent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code steward.consent.events{site,action}} counts consent events this node appended to the ledger, and
 * {@code steward.consent.receipts{site,action}} the signed receipts it issued for them: with the event, once its
 * transaction committed (forms, banner, integrators, staff on a person's behalf), or on a receipt's first request
 * (imports). Labels are catalog keys and action names only.
 */
@Component
class ConsentMetrics {

    private final MeterRegistry registry;

    ConsentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts events appended in bulk when the caller's transaction commits; their receipts are signed later. */
    void countOnCommit(List<ConsentEvent> events) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.forEach(event -> counter("steward.consent.events", event.site(), event.action())
                        .increment());
            }
        });
    }

    /** The ledger's own appends announce themselves, each with its receipt signed at once. */
    @TransactionalEventListener
    void recorded(ConsentRecorded event) {
        counter("steward.consent.events", event.site(), event.action()).increment();
        receiptSigned(event.site(), event.action());
    }

    /** A receipt signed on its first request (an event recorded in bulk). */
    void receiptSigned(String site, ConsentAction action) {
        counter("steward.consent.receipts", site, action).increment();
    }

    private Counter counter(String name, String site, ConsentAction action) {
        return registry.counter(name, "site", site, "action", action.key());
    }
}
