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
 * The latest consent event of every (subject, site, purpose), in memory and compact ({@link LatestConsent}), so that "may I use this person's data for
 * this purpose now?" is answered without a query. The database stays the source of truth: the index reads the
 * ledger at start and catches up whenever any node appends (LISTEN/NOTIFY), and after a lost connection.
 */
@Component
class ConsentIndex {

    private final ConsentEventRepository events;
    private final Map<UUID, Map<String, LatestConsent>> bySubject = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private long applied;

    ConsentIndex(ConsentEventRepository events, dev.steward.platform.Notifications notifications, Vault vault) {
        this.events = events;
        catchUp();
        notifications.subscribe(ConsentLedger.NOTIFY_CHANNEL, ignored -> catchUp());
        vault.onErasure(this::forget);
    }

    Optional<LatestConsent> latest(SubjectId subject, String site, String purpose) {
        return Optional.ofNullable(
                bySubject.getOrDefault(subject.value(), Map.of()).get(key(site, purpose)));
    }

    /** The jurisdiction of the subject's latest consent action on the site, if any. */
    Optional<String> jurisdiction(SubjectId subject, String site) {
        String prefix = site + '\u0000';
        return bySubject.getOrDefault(subject.value(), Map.of()).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .max(LatestConsent::order)
                .map(LatestConsent::jurisdiction);
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
        LatestConsent latest = LatestConsent.of(event);
        String key = key(event.site(), event.purpose());
        bySubject.compute(event.subject().value(), (subject, current) -> {
            if (current != null && LatestConsent.order(latest, current.get(key)) < 0) {
                return current;
            }
            if (current == null || current.size() == 1 && current.containsKey(key)) {
                return Map.of(key, latest);
            }
            Map<String, LatestConsent> updated = new HashMap<>(current);
            updated.put(key, latest);
            return Map.copyOf(updated);
        });
    }

    private void forget(@Nullable SubjectId subject) {
        if (subject != null) {
            bySubject.remove(subject.value());
        }
    }

    /** One shared key string per site and purpose, however many subjects consented. */
    private String key(String site, String purpose) {
        String key = site + '\u0000' + purpose;
        return keys.computeIfAbsent(key, fresh -> fresh);
    }
}
