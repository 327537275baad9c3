package dev.steward.consent;

import dev.steward.platform.BulkCopy;
import dev.steward.platform.ChainHeads;
import dev.steward.platform.Notifications;
import dev.steward.platform.OrderedIds;
import dev.steward.vault.ChainCheckpoints;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent actions by the thousand (imports, the benchmark's data generator): the same checks, events and evidence as
 * {@link ConsentLedger#record}, appended to the chain under one lock per batch and written by COPY, with the hashing
 * done in parallel. Instead of a signature per event (an Ed25519 signature each, once half of an import's time), the
 * batch gets one: a signed checkpoint of the chain's head, committed with the rows, proves when they were recorded;
 * each event's receipt, a standard JWS like any other, is signed when first asked for ({@link ConsentLedger#receipt}).
 * Every node's in-memory index catches up when the caller's transaction commits. It does not depend on that index, so
 * a command that imports does not load the ledger.
 */
@Service
public class BulkConsents {

    private final ConsentRules rules;
    private final ChainHeads heads;
    private final BulkCopy copy;
    private final ChainCheckpoints checkpoints;
    private final Notifications notifications;
    private final ConsentMetrics metrics;
    private final OrderedIds ids;
    private final Vault vault;

    BulkConsents(
            ConsentRules rules,
            ChainHeads heads,
            BulkCopy copy,
            ChainCheckpoints checkpoints,
            Notifications notifications,
            ConsentMetrics metrics,
            OrderedIds ids,
            Vault vault) {
        this.rules = rules;
        this.heads = heads;
        this.copy = copy;
        this.checkpoints = checkpoints;
        this.notifications = notifications;
        this.metrics = metrics;
        this.ids = ids;
        this.vault = vault;
    }

    /** Appends the actions in order, in the caller's transaction; the first one the catalog refuses fails them all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ConsentEvent> recordAll(List<ConsentRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        // made and encoded before the head is locked: another transaction appending meanwhile waits only for the
        // linking
        List<ConsentEventLinks.Sealed> sealed = seal(requests, existing(requests));
        ConsentEventLinks.Linked batch = ConsentEventLinks.link(lockChain(), sealed);
        copy.copy(batch.copy());
        written(batch);
        return batch.events();
    }

    /** Locks the consent chain's head until the caller's transaction ends: where its first batch links. */
    @Transactional(propagation = Propagation.MANDATORY)
    ChainHeads.Head lockChain() {
        return heads.lock(ConsentEventRepository.CHAIN);
    }

    /**
     * The actions as events linked after the head, and the COPY that writes them, built in memory; the first action
     * the catalog refuses fails them all. Whether each subject exists is the caller's answer (asked of the vault for a
     * whole batch at once, while the connection is free).
     */
    ConsentEventLinks.Linked prepare(
            List<ConsentRequest> requests, ChainHeads.Head after, Predicate<SubjectId> exists) {
        return ConsentEventLinks.link(after, seal(requests, exists));
    }

    /**
     * Whether each request's subject exists, asked of the vault for all of them at once: one query, and no subject's
     * key unwrapped for it.
     */
    private Predicate<SubjectId> existing(List<ConsentRequest> requests) {
        Set<SubjectId> existing = vault.existing(requests.stream()
                .map(ConsentRequest::subject)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return existing::contains;
    }

    /** The actions as events with their sealed evidence and canonical fields, not yet linked. */
    private List<ConsentEventLinks.Sealed> seal(List<ConsentRequest> requests, Predicate<SubjectId> exists) {
        int size = requests.size();
        ConsentEvent[] events = new ConsentEvent[size];
        byte[][] evidence = new byte[size][];
        // on this thread: a subject created in this transaction is visible only to its connection
        for (int i = 0; i < size; i++) {
            UUID id = ids.next();
            events[i] = rules.event(requests.get(i), id, exists);
            // only evidence to seal needs the subject's key
            evidence[i] = ConsentRules.carriesEvidence(requests.get(i)) ? rules.evidence(requests.get(i), id) : null;
        }
        ConsentEventLinks.Sealed[] sealed = new ConsentEventLinks.Sealed[size];
        IntStream.range(0, size)
                .parallel()
                .forEach(i -> sealed[i] = ConsentEventLinks.Sealed.of(events[i], evidence[i]));
        return Arrays.asList(sealed);
    }

    /**
     * Once the batch's COPY is written: moves the head past it, signs a checkpoint of the new head (committed with
     * the rows), and has the metrics and every node's index follow when the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void written(ConsentEventLinks.Linked batch) {
        heads.advance(batch.head().chain(), batch.head().seq(), batch.head().hash());
        checkpoints.signHead(ConsentEventRepository.CHAIN);
        metrics.countOnCommit(batch.events());
        notifications.send(
                ConsentLedger.NOTIFY_CHANNEL, Long.toString(batch.head().seq()));
    }
}
