package dev.steward.consent;

import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The latest consent event of every (subject, site, purpose), in memory, so that "may I use this person's data for
 * this purpose now?" is answered without a query. The database stays the source of truth: the index reads the
 * ledger at start and catches up whenever any node appends (LISTEN/NOTIFY), and after a lost connection.
 */
@Component
class ConsentIndex {

    private final ConsentEventRepository events;
    private final Map<UUID, Map<String, ConsentEvent>> bySubject = new ConcurrentHashMap<>();
    private long applied;

    ConsentIndex(ConsentEventRepository events, dev.steward.platform.Notifications notifications, Vault vault) {
        this.events = events;
        catchUp();
        notifications.subscribe(ConsentLedger.NOTIFY_CHANNEL, ignored -> catchUp());
        vault.onErasure(this::forget);
    }

    Optional<ConsentEvent> latest(SubjectId subject, String site, String purpose) {
        return Optional.ofNullable(
                bySubject.getOrDefault(subject.value(), Map.of()).get(key(site, purpose)));
    }

    /** The jurisdiction of the subject's latest consent action on the site, if any. */
    Optional<String> jurisdiction(SubjectId subject, String site) {
        return bySubject.getOrDefault(subject.value(), Map.of()).values().stream()
                .filter(event -> event.site().equals(site))
                .max(ConsentIndex::order)
                .map(ConsentEvent::jurisdiction);
    }

    /** Applies every event appended since the last call, in ledger order. */
    synchronized void catchUp() {
        events.forEachAfter(applied, event -> {
            apply(event);
            applied = Math.max(applied, event.seq());
        });
    }

    /**
     * Applies an event this node just committed, so it reads its own writes at once. The catch-up position does
     * not move: an earlier event of another node may still be on its way, and applying twice changes nothing.
     */
    void apply(ConsentEvent event) {
        bySubject.compute(event.subject().value(), (subject, current) -> {
            Map<String, ConsentEvent> updated = current == null ? new HashMap<>(4) : new HashMap<>(current);
            updated.merge(
                    key(event.site(), event.purpose()), event, (old, fresh) -> order(fresh, old) >= 0 ? fresh : old);
            return Map.copyOf(updated);
        });
    }

    private void forget(@Nullable SubjectId subject) {
        if (subject != null) {
            bySubject.remove(subject.value());
        }
    }

    /** Events count in the order they happened; the ledger order breaks ties (imports may arrive late). */
    private static int order(ConsentEvent a, ConsentEvent b) {
        int byTime = a.occurredAt().compareTo(b.occurredAt());
        return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
    }

    private static String key(String site, String purpose) {
        return site + '\u0000' + purpose;
    }
}
