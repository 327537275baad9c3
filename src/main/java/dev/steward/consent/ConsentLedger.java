package dev.steward.consent;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.Notifications;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent ledger: records every consent action as evidence and answers what a person's consent to a purpose
 * was at any instant. Only purposes the catalog declares for the site can be consented to. Each event gets a signed
 * receipt: at once, or for an event recorded in bulk, on its first request.
 */
@Service
public class ConsentLedger {

    static final String NOTIFY_CHANNEL = "steward_consent";

    private final ConsentEventRepository events;
    private final ConsentRules rules;
    private final ConsentReceipts receipts;
    private final ConsentIndex index;
    private final ConsentMetrics metrics;
    private final Catalogs catalogs;
    private final Vault vault;
    private final Notifications notifications;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    ConsentLedger(
            ConsentEventRepository events,
            ConsentRules rules,
            ConsentReceipts receipts,
            ConsentIndex index,
            ConsentMetrics metrics,
            Catalogs catalogs,
            Vault vault,
            Notifications notifications,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock) {
        this.events = events;
        this.rules = rules;
        this.receipts = receipts;
        this.index = index;
        this.metrics = metrics;
        this.catalogs = catalogs;
        this.vault = vault;
        this.notifications = notifications;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** Appends the action with its receipt; refuses purposes, activities and jurisdictions the catalog does not declare. */
    @Transactional
    public ConsentEvent record(ConsentRequest request) {
        return record(request, vault::exists);
    }

    /**
     * As {@link #record}, for a site's integrator: a subject with nothing on the request's site (no word in the ledger,
     * no record, rights request or account there) is refused exactly as a subject that does not exist, so that the
     * site's integrator cannot file a consent under another site's person, nor learn that the id is someone's
     * (attack13 M1).
     */
    @Transactional
    public ConsentEvent recordOnSite(ConsentRequest request) {
        return record(request, subject -> index.ofKnownOn(subject, request.site()) != null);
    }

    private ConsentEvent record(ConsentRequest request, Predicate<SubjectId> exists) {
        UUID id = UUID.randomUUID();
        ConsentEvent event = events.append(rules.event(request, id, exists), rules.evidence(request, id));
        events.insertReceipt(event.id(), receipts.issue(event));
        notifications.send(NOTIFY_CHANNEL, Long.toString(event.seq()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                index.apply(event);
            }
        });
        publisher.publishEvent(new ConsentRecorded(
                event.id(), event.subject(), event.site(), event.purpose(), event.action(), event.occurredAt()));
        return event;
    }

    public Optional<ConsentEvent> event(UUID id) {
        return events.find(id);
    }

    /** The event that decided the consent at the instant; a later withdrawal does not change earlier answers. */
    public Optional<ConsentEvent> decidingEventAt(SubjectId subject, String site, String purpose, Instant at) {
        return events.latestAt(subject, site, purpose, at);
    }

    public List<ConsentEvent> history(SubjectId subject) {
        return events.history(subject);
    }

    /**
     * The signed receipt (compact JWS) of an event. An event recorded in bulk (an import) gets its receipt on the
     * first request, signed then and kept, so that every later request answers the same receipt.
     */
    public Optional<String> receipt(UUID event) {
        return events.receipt(event).or(() -> events.find(event).map(this::signedLate));
    }

    private String signedLate(ConsentEvent event) {
        String jws = receipts.issue(event);
        metrics.receiptSigned(event.site(), event.action());
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return jws; // kept by the first request outside a read-only transaction
        }
        events.insertReceipt(event.id(), jws);
        return events.receipt(event.id()).orElse(jws);
    }

    /** The connection evidence kept with an event, while its subject exists. */
    public Optional<Evidence> evidence(ConsentEvent event) {
        return events.evidence(event.id())
                .flatMap(ciphertext -> vault.open(event.subject(), ciphertext, evidenceContext(event.id())))
                .map(bytes -> json.readValue(bytes, Evidence.class));
    }

    /**
     * The subjects whose own latest action on the purpose grants it now: the people a campaign may be for. Who
     * actually receives it is decided per message when it goes ({@link ConsentDecisions#decideEach}).
     */
    public List<SubjectId> consenting(String site, String purpose) {
        catalogs.requireSite(site);
        return events.granting(site, purpose, clock.instant());
    }

    /** Subjects whose consent lapsed and who have not given it again: whom to ask again. */
    public List<ConsentEvent> repermissionList(String site, @Nullable String purpose) {
        catalogs.requireSite(site);
        return events.lapsed(site, purpose);
    }

    /** Appends a lapsed event for every consent whose validity ran out; answers how many lapsed. */
    @Transactional
    public int lapseExpired(int limit) {
        List<ConsentEvent> expired = events.expiredGrants(clock.instant(), limit);
        for (ConsentEvent grant : expired) {
            record(new ConsentRequest(
                    grant.subject(),
                    grant.site(),
                    grant.purpose(),
                    grant.activity(),
                    ConsentAction.LAPSED,
                    CollectionMethod.SYSTEM,
                    null,
                    grant.noticeVersion(),
                    grant.jurisdiction(),
                    grant.byParent(),
                    "expired:" + grant.id(),
                    null,
                    null,
                    grant.expiresAt()));
        }
        return expired.size();
    }

    /** What was kept of the connection with a consent action, as far as the site's catalog allows. */
    public record Evidence(
            @Nullable String ipAddress, @Nullable String userAgent) {}

    static String evidenceContext(UUID event) {
        return "consent-evidence:" + event;
    }
}
