package dev.steward.consent;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.notice.NoticeRendition;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.IpAddresses;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Sha256;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consent action becomes in the ledger, one at a time or by the thousand: the checks against the catalog, the
 * event as stored, and the connection evidence sealed under the subject's key as far as the site allows.
 */
@Component
class ConsentRules {

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final Vault vault;
    private final JsonMapper json;
    private final Clock clock;
    private final ShownNotices shown;
    private final ConsentIndex index;

    ConsentRules(
            Catalogs catalogs,
            PublishedNotices notices,
            ShownNotices shown,
            ConsentIndex index,
            Vault vault,
            JsonMapper json,
            Clock clock) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.shown = shown;
        this.index = index;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
    }

    /** The event to append (its seq is assigned then); refuses what the catalog does not declare. */
    ConsentEvent event(ConsentRequest request, UUID id) {
        return event(request, id, vault::exists);
    }

    /**
     * As {@link #event(ConsentRequest, UUID)}, with the subjects' existence answered by the caller (bulk work asks the
     * vault about a whole batch at once).
     */
    ConsentEvent event(ConsentRequest request, UUID id, Predicate<SubjectId> exists) {
        Catalog catalog = catalogs.of(request.site());
        Site site = catalog.site(request.site()).orElseThrow();
        Purpose purpose = declaredPurpose(catalog, request.site(), request.purpose(), request.activity());
        String jurisdiction = request.jurisdiction() != null
                ? jurisdiction(site, request.jurisdiction())
                : spokenUnder(request.subject(), site, purpose.key());
        boolean lapse = request.action() == ConsentAction.LAPSED && request.method() == CollectionMethod.SYSTEM;
        if (!lapse && !exists.test(request.subject())) {
            throw new NotFoundException("There is no subject " + request.subject() + ".");
        }
        requireWording(request.action(), request.wording());
        Instant occurredAt =
                (request.occurredAt() != null ? request.occurredAt() : clock.instant()).truncatedTo(ChronoUnit.MICROS);
        String version = request.noticeVersion() != null
                ? request.noticeVersion()
                : notices.inForce(site.key()).version();
        Optional<NoticeRendition> rendition = shown.of(request.method(), site, version, jurisdiction);
        return new ConsentEvent(
                0,
                id,
                request.subject(),
                site.key(),
                purpose.key(),
                request.activity(),
                request.action(),
                version,
                request.wording() == null ? null : Sha256.hex(request.wording()),
                request.method().key(),
                occurredAt,
                jurisdiction,
                request.byParent(),
                request.evidenceRef(),
                expiry(purpose, request.action(), occurredAt),
                rendition.map(NoticeRendition::language).orElse(null),
                rendition.map(NoticeRendition::sha256).orElse(null));
    }

    /** Whether the request names any connection evidence (without it there is none to keep, nor a key to seal it). */
    static boolean carriesEvidence(ConsentRequest request) {
        return request.ipAddress() != null || request.userAgent() != null;
    }

    /** The connection evidence the site's catalog allows, sealed under the subject's key; null when none is kept. */
    byte @Nullable [] evidence(ConsentRequest request, UUID event) {
        if (!carriesEvidence(request) || !vault.exists(request.subject())) {
            return null;
        }
        Site.ConsentEvidence policy = catalogs.requireSite(request.site()).evidence();
        String ip = switch (policy.ipAddress()) {
            case FULL -> request.ipAddress();
            case TRUNCATED -> IpAddresses.truncate(request.ipAddress());
            case NONE -> null;
        };
        String agent = policy.userAgent() ? request.userAgent() : null;
        if (ip == null && agent == null) {
            return null;
        }
        byte[] plain =
                json.writeValueAsString(new ConsentLedger.Evidence(ip, agent)).getBytes(StandardCharsets.UTF_8);
        return vault.seal(request.subject(), plain, ConsentLedger.evidenceContext(event));
    }

    static void requireWording(ConsentAction action, @Nullable String wording) {
        if ((action == ConsentAction.GIVEN || action == ConsentAction.RENEWED) && wording == null) {
            throw new InvalidInputException(FieldError.of("wording", "required", "error.consent.wording.required"));
        }
    }

    static Purpose declaredPurpose(Catalog catalog, String site, String key, @Nullable String activityKey) {
        Purpose purpose = catalog.purpose(key)
                .filter(p -> catalog.activitiesOf(site).stream()
                                .anyMatch(a -> a.purposes().contains(p.key()))
                        || catalog.formsOf(site).stream()
                                .anyMatch(f -> f.consents().stream()
                                        .anyMatch(box -> box.purpose().equals(p.key()))))
                .orElseThrow(() -> new InvalidInputException(FieldError.of(
                        "purpose", "undeclared-purpose", "error.common.purpose.undeclared-purpose", site, key)));
        if (activityKey != null) {
            ProcessingActivity activity = catalog.activity(activityKey)
                    .orElseThrow(() -> new InvalidInputException(FieldError.of(
                            "activity", "undeclared-activity", "error.common.activity.unknown", site, activityKey)));
            if (!activity.purposes().contains(purpose.key())) {
                throw new InvalidInputException(FieldError.of(
                        "purpose",
                        "undeclared-purpose",
                        "error.consent.purpose.undeclared-purpose",
                        activity.key(),
                        purpose.key()));
            }
        }
        return purpose;
    }

    /**
     * Where an action that does not say (an integrator's, staff writing down a letter, a lapse) was taken: under the
     * jurisdiction of the person's latest words on the purpose, else on the site, else the site's default. WHY: filed
     * under the site's default, an integrator's relay of a withdrawal from a person who had consented in the EU was
     * judged by the default's legal basis, which there did not need consent, and the decision allowed what the person
     * had just withdrawn.
     */
    private String spokenUnder(SubjectId subject, Site site, String purpose) {
        SubjectConsents words = index.consentsOf(subject);
        return words.latest(site.key(), purpose)
                .or(() -> words.latestOn(site.key()))
                .map(LatestConsent::jurisdiction)
                .filter(site.jurisdictions()::contains)
                .orElse(site.defaultJurisdiction());
    }

    static String jurisdiction(Site site, @Nullable String requested) {
        if (requested == null) {
            return site.defaultJurisdiction();
        }
        if (!site.jurisdictions().contains(requested)) {
            throw new InvalidInputException(FieldError.of(
                    "jurisdiction",
                    "unknown-jurisdiction",
                    "error.consent.jurisdiction.unknown-jurisdiction",
                    site.key(),
                    site.jurisdictions(),
                    requested));
        }
        return requested;
    }

    private static @Nullable Instant expiry(Purpose purpose, ConsentAction action, Instant occurredAt) {
        return action.grants() && purpose.consentValidity() != null
                ? purpose.consentValidity().addTo(occurredAt)
                : null;
    }
}
