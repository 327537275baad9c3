package dev.steward.consent;

import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The latest consent event of every (subject, site, purpose), in memory and compact ({@link LatestConsentTable}), so
 * that "may I use this person's data for this purpose now?" is answered without a query. The database stays the
 * source of truth: the index reads the ledger at start and catches up whenever any node appends (LISTEN/NOTIFY), and
 * after a lost connection.
 */
@Component
class ConsentIndex {

    private final ConsentEventRepository events;
    private final LatestConsentTable table = new LatestConsentTable();
    /**
     * A small number for each site and purpose the ledger names, site by site: the table keys entries by it, and a
     * site's purposes are what {@link #jurisdiction} and {@link #forget} look through.
     */
    private final Map<String, Map<String, Integer>> purposes = new ConcurrentHashMap<>();

    private final AtomicInteger numbered = new AtomicInteger();
    private long applied;

    ConsentIndex(ConsentEventRepository events, dev.steward.platform.Notifications notifications, Vault vault) {
        this.events = events;
        catchUp();
        notifications.subscribe(ConsentLedger.NOTIFY_CHANNEL, ignored -> catchUp());
        vault.onErasure(this::forget);
    }

    Optional<LatestConsent> latest(SubjectId subject, String site, String purpose) {
        Integer number = purposes.getOrDefault(site, Map.of()).get(purpose);
        return number == null ? Optional.empty() : Optional.ofNullable(table.get(subject.value(), number));
    }

    /** The jurisdiction of the subject's latest consent action on the site, if any. */
    Optional<String> jurisdiction(SubjectId subject, String site) {
        return purposes.getOrDefault(site, Map.of()).values().stream()
                .map(number -> table.get(subject.value(), number))
                .filter(Objects::nonNull)
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
        table.putIfLater(event.subject().value(), number(event.site(), event.purpose()), LatestConsent.of(event));
    }

    private void forget(@Nullable SubjectId subject) {
        if (subject != null) {
            purposes.values().forEach(site -> site.values().forEach(number -> table.remove(subject.value(), number)));
        }
    }

    private int number(String site, String purpose) {
        return purposes.computeIfAbsent(site, fresh -> new ConcurrentHashMap<>())
                .computeIfAbsent(purpose, fresh -> numbered.getAndIncrement());
    }
}
