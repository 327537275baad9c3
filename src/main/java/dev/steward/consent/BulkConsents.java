package dev.steward.consent;

import dev.steward.platform.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent actions by the thousand (imports, the benchmark's data generator): the same checks, events, evidence and
 * signed receipts as {@link ConsentLedger#record}, appended to the chain under one lock per batch and written by
 * COPY, with the hashing and signing done in parallel. Every node's in-memory index catches up when the caller's
 * transaction commits. It does not depend on that index, so a command that imports does not load the ledger.
 */
@Service
public class BulkConsents {

    private final ConsentRules rules;
    private final ConsentEventRepository events;
    private final ConsentReceipts receipts;
    private final Notifications notifications;
    private final ConsentMetrics metrics;

    BulkConsents(
            ConsentRules rules,
            ConsentEventRepository events,
            ConsentReceipts receipts,
            Notifications notifications,
            ConsentMetrics metrics) {
        this.rules = rules;
        this.events = events;
        this.receipts = receipts;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /** Appends the actions in order, in the caller's transaction; the first one the catalog refuses fails them all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ConsentEvent> recordAll(List<ConsentRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        int size = requests.size();
        List<ConsentEventRepository.Sealed> prepared = new ArrayList<>(size);
        // on this thread: a subject created in this transaction is visible only to its connection
        for (int i = 0; i < size; i++) {
            UUID id = UUID.randomUUID();
            prepared.add(new ConsentEventRepository.Sealed(
                    rules.event(requests.get(i), id), rules.evidence(requests.get(i), id)));
        }
        List<ConsentEvent> stored = events.appendAll(prepared);
        List<String> signed = stored.parallelStream().map(receipts::issue).toList();
        events.insertReceipts(stored, signed);
        metrics.countOnCommit(stored);
        notifications.send(
                ConsentLedger.NOTIFY_CHANNEL,
                Long.toString(stored.get(stored.size() - 1).seq()));
        return stored;
    }
}
