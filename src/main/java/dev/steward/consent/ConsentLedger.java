package dev.steward.consent;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.IpAddresses;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Notifications;
import dev.steward.platform.Sha256;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * receipt.
 */
@Service
public class ConsentLedger {

    static final String NOTIFY_CHANNEL = "steward_consent";

    private final ConsentEventRepository events;
    private final ConsentReceipts receipts;
    private final ConsentIndex index;
    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final Vault vault;
    private final Notifications notifications;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    ConsentLedger(
            ConsentEventRepository events,
            ConsentReceipts receipts,
            ConsentIndex index,
            Catalogs catalogs,
            PublishedNotices notices,
            Vault vault,
            Notifications notifications,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock) {
        this.events = events;
        this.receipts = receipts;
        this.index = index;
        this.catalogs = catalogs;
        this.notices = notices;
        this.vault = vault;
        this.notifications = notifications;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** Appends the action with its receipt; refuses purposes, activities and jurisdictions the catalog does not declare. */
    @Transactional
    public ConsentEvent record(ConsentRequest request) {
        Catalog catalog = catalogs.of(request.site());
        Site site = catalog.site(request.site()).orElseThrow();
        Purpose purpose = declaredPurpose(catalog, request);
        String jurisdiction = jurisdiction(site, request.jurisdiction());
        boolean lapse = request.action() == ConsentAction.LAPSED && request.method() == CollectionMethod.SYSTEM;
        if (!lapse && !vault.exists(request.subject())) {
            throw new NotFoundException("There is no subject " + request.subject() + ".");
        }
        if ((request.action() == ConsentAction.GIVEN || request.action() == ConsentAction.RENEWED)
                && request.wording() == null) {
            throw new InvalidInputException(
                    "wording", "required", "A consent given needs the exact wording the person was shown.");
        }
        Instant occurredAt =
                (request.occurredAt() != null ? request.occurredAt() : clock.instant()).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        ConsentEvent event = events.append(
                new ConsentEvent(
                        0,
                        id,
                        request.subject(),
                        site.key(),
                        purpose.key(),
                        request.activity(),
                        request.action(),
                        request.noticeVersion() != null
                                ? request.noticeVersion()
                                : notices.inForce(site.key()).version(),
                        request.wording() == null ? null : Sha256.hex(request.wording()),
                        request.method().key(),
                        occurredAt,
                        jurisdiction,
                        request.byParent(),
                        request.evidenceRef(),
                        expiry(purpose, request.action(), occurredAt)),
                evidence(site, request, id));
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

    /** The signed receipt (compact JWS) of an event. */
    public Optional<String> receipt(UUID event) {
        return events.receipt(event);
    }

    /** The connection evidence kept with an event, while its subject exists. */
    public Optional<Evidence> evidence(ConsentEvent event) {
        return events.evidence(event.id())
                .flatMap(ciphertext -> vault.open(event.subject(), ciphertext, evidenceContext(event.id())))
                .map(bytes -> json.readValue(bytes, Evidence.class));
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

    private byte @Nullable [] evidence(Site site, ConsentRequest request, UUID event) {
        if (!vault.exists(request.subject())) {
            return null;
        }
        Site.ConsentEvidence policy = site.evidence();
        String ip = switch (policy.ipAddress()) {
            case FULL -> request.ipAddress();
            case TRUNCATED -> IpAddresses.truncate(request.ipAddress());
            case NONE -> null;
        };
        String agent = policy.userAgent() ? request.userAgent() : null;
        if (ip == null && agent == null) {
            return null;
        }
        byte[] plain = json.writeValueAsString(new Evidence(ip, agent)).getBytes(StandardCharsets.UTF_8);
        return vault.seal(request.subject(), plain, evidenceContext(event));
    }

    private Purpose declaredPurpose(Catalog catalog, ConsentRequest request) {
        Purpose purpose = catalog.purpose(request.purpose())
                .filter(p -> catalog.activitiesOf(request.site()).stream()
                                .anyMatch(a -> a.purposes().contains(p.key()))
                        || catalog.formsOf(request.site()).stream()
                                .anyMatch(f -> f.consents().stream()
                                        .anyMatch(box -> box.purpose().equals(p.key()))))
                .orElseThrow(() -> new InvalidInputException(
                        "purpose",
                        "undeclared-purpose",
                        "Site '" + request.site() + "' declares no purpose '" + request.purpose() + "'."));
        if (request.activity() != null) {
            ProcessingActivity activity = catalog.activity(request.activity())
                    .orElseThrow(() -> new InvalidInputException(
                            "activity",
                            "undeclared-activity",
                            "Site '" + request.site() + "' declares no activity '" + request.activity() + "'."));
            if (!activity.purposes().contains(purpose.key())) {
                throw new InvalidInputException(
                        "purpose",
                        "undeclared-purpose",
                        "Activity '" + activity.key() + "' does not serve purpose '" + purpose.key() + "'.");
            }
        }
        return purpose;
    }

    private static String jurisdiction(Site site, @Nullable String requested) {
        if (requested == null) {
            return site.defaultJurisdiction();
        }
        if (!site.jurisdictions().contains(requested)) {
            throw new InvalidInputException(
                    "jurisdiction",
                    "unknown-jurisdiction",
                    "Site '" + site.key() + "' serves " + site.jurisdictions() + ", not '" + requested + "'.");
        }
        return requested;
    }

    private static @Nullable Instant expiry(Purpose purpose, ConsentAction action, Instant occurredAt) {
        return action.grants() && purpose.consentValidity() != null
                ? purpose.consentValidity().addTo(occurredAt)
                : null;
    }

    private static String evidenceContext(UUID event) {
        return "consent-evidence:" + event;
    }
}
