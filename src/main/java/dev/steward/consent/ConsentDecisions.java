package dev.steward.consent;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers integrators' question "may I use this person's data for purpose P now (or at that instant)?". Purposes that
 * rest on consent need a current consent (confirmed, where the purpose needs a double opt-in); other purposes are
 * allowed on their legal basis unless the person objected. Any {@link ProcessingVeto} (a restriction) denies.
 */
@Service
public class ConsentDecisions {

    private final Catalogs catalogs;
    private final ConsentIndex index;
    private final ConsentEventRepository events;
    private final Vault vault;
    private final List<ProcessingVeto> vetoes;
    private final Clock clock;

    ConsentDecisions(
            Catalogs catalogs,
            ConsentIndex index,
            ConsentEventRepository events,
            Vault vault,
            List<ProcessingVeto> vetoes,
            Clock clock) {
        this.catalogs = catalogs;
        this.index = index;
        this.events = events;
        this.vault = vault;
        this.vetoes = vetoes;
        this.clock = clock;
    }

    /** @param subject a subject id, or an e-mail address found through the blind index */
    public ConsentDecision decide(String site, String subject, String purpose, @Nullable Instant at) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        Purpose wanted = catalog.purpose(purpose)
                .filter(p -> catalog.activitiesOf(site).stream()
                        .anyMatch(a -> a.purposes().contains(p.key())))
                .orElseThrow(() -> new InvalidInputException(
                        "purpose", "undeclared-purpose", "Site '" + site + "' declares no purpose '" + purpose + "'."));
        Instant instant = at != null ? at : clock.instant();
        Optional<SubjectId> found = resolve(subject).filter(vault::exists);
        if (found.isEmpty()) {
            return denied(
                    site,
                    null,
                    wanted,
                    null,
                    List.of(),
                    null,
                    instant,
                    "unknown-subject",
                    "Steward holds nothing about this subject: never collected, or erased.");
        }
        SubjectId id = found.get();
        Optional<ConsentEvent> deciding =
                at == null ? index.latest(id, site, purpose) : events.latestAt(id, site, purpose, instant);
        String jurisdiction = deciding.map(ConsentEvent::jurisdiction)
                .or(() -> index.jurisdiction(id, site))
                .orElse(declared.defaultJurisdiction());
        List<LegalBasis> bases = wanted.basesIn(jurisdiction);
        for (ProcessingVeto veto : vetoes) {
            Optional<ProcessingVeto.Veto> refused =
                    veto.check(new ProcessingVeto.Question(id, site, wanted, jurisdiction, instant));
            if (refused.isPresent()) {
                return denied(
                        site,
                        id,
                        wanted,
                        jurisdiction,
                        bases,
                        deciding.orElse(null),
                        instant,
                        refused.get().reason(),
                        refused.get().explanation());
            }
        }
        return decide(site, id, wanted, jurisdiction, bases, deciding.orElse(null), instant);
    }

    private ConsentDecision decide(
            String site,
            SubjectId subject,
            Purpose purpose,
            String jurisdiction,
            List<LegalBasis> bases,
            @Nullable ConsentEvent event,
            Instant at) {
        if (event != null && event.action() == ConsentAction.OBJECTED) {
            return denied(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    event,
                    at,
                    "objected",
                    "The person objected to processing for this purpose.");
        }
        boolean needsConsent = !bases.isEmpty() && bases.get(0).isConsent();
        if (!needsConsent) {
            return allowed(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    event,
                    at,
                    "legal-basis",
                    "This purpose rests on "
                            + (bases.isEmpty()
                                    ? "no declared basis"
                                    : bases.get(0).citation()) + ", not on consent.");
        }
        if (event == null) {
            return denied(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    null,
                    at,
                    "no-consent",
                    "There is no consent on record.");
        }
        if (event.action() == ConsentAction.WITHDRAWN) {
            return denied(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    event,
                    at,
                    "consent-withdrawn",
                    "The consent was withdrawn.");
        }
        if (event.action() == ConsentAction.LAPSED || !event.grantsAt(at)) {
            return denied(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    event,
                    at,
                    "consent-lapsed",
                    "The consent's validity period has run out; it must be asked for again.");
        }
        if (event.action() == ConsentAction.GIVEN && purpose.doubleOptIn()) {
            return denied(
                    site,
                    subject,
                    purpose,
                    jurisdiction,
                    bases,
                    event,
                    at,
                    "awaiting-confirmation",
                    "The consent was given but not yet confirmed from the person's mailbox (double opt-in).");
        }
        return allowed(
                site,
                subject,
                purpose,
                jurisdiction,
                bases,
                event,
                at,
                "consent-" + event.action().key(),
                "The person's consent is on record.");
    }

    private Optional<SubjectId> resolve(String subject) {
        if (subject.contains("@")) {
            return vault.find(Identifier.email(subject));
        }
        try {
            return Optional.of(SubjectId.parse(subject));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "subject", "invalid", "The subject is neither a subject id nor an e-mail address.");
        }
    }

    private static ConsentDecision allowed(
            String site,
            SubjectId subject,
            Purpose purpose,
            String jurisdiction,
            List<LegalBasis> bases,
            @Nullable ConsentEvent event,
            Instant at,
            String reason,
            String explanation) {
        return decision(true, site, subject, purpose, jurisdiction, bases, event, at, reason, explanation);
    }

    private static ConsentDecision denied(
            String site,
            @Nullable SubjectId subject,
            Purpose purpose,
            @Nullable String jurisdiction,
            List<LegalBasis> bases,
            @Nullable ConsentEvent event,
            Instant at,
            String reason,
            String explanation) {
        return decision(false, site, subject, purpose, jurisdiction, bases, event, at, reason, explanation);
    }

    private static ConsentDecision decision(
            boolean allowed,
            String site,
            @Nullable SubjectId subject,
            Purpose purpose,
            @Nullable String jurisdiction,
            List<LegalBasis> bases,
            @Nullable ConsentEvent event,
            Instant at,
            String reason,
            String explanation) {
        return new ConsentDecision(
                allowed ? "allowed" : "denied",
                allowed,
                reason,
                explanation,
                site,
                subject == null ? null : subject.toString(),
                purpose.key(),
                jurisdiction,
                bases.stream()
                        .map(b -> new ConsentDecision.Basis(b.key(), b.citation()))
                        .toList(),
                event == null
                        ? null
                        : new ConsentDecision.DecidingEvent(
                                event.id(),
                                event.seq(),
                                event.action().key(),
                                event.occurredAt(),
                                event.noticeVersion(),
                                event.receiptPath()),
                at);
    }
}
