package dev.steward.consent;

import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Purpose;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an integrator asked about one person and purpose, with what is known when answering it, and the rule that
 * answers it: an objection denies; a purpose that does not rest on consent in the jurisdiction is allowed on its legal
 * basis; otherwise the consent on record must be current, and confirmed where the purpose needs a double opt-in.
 * Vetoes (restrictions) are checked before the rule, by {@link ConsentDecisions}.
 *
 * @param subjectText the subject's canonical text when it is at hand already (as asked), else null and written out
 *     from the id
 * @param event the event that decides the person's word on the purpose, null when there is none
 */
record DecisionQuestion(
        String site,
        @Nullable SubjectId subject,
        @Nullable String subjectText,
        Purpose purpose,
        @Nullable String jurisdiction,
        List<LegalBasis> bases,
        @Nullable LatestConsent event,
        Instant at) {

    ConsentDecision answer() {
        if (event != null && event.action() == ConsentAction.OBJECTED) {
            return deny("objected", "The person objected to processing for this purpose.");
        }
        if (bases.isEmpty() || !bases.get(0).isConsent()) {
            String basis = bases.isEmpty() ? "no declared basis" : bases.get(0).citation();
            return allow("legal-basis", "This purpose rests on " + basis + ", not on consent.");
        }
        if (event == null) {
            return deny("no-consent", "There is no consent on record.");
        }
        if (event.action() == ConsentAction.WITHDRAWN) {
            return deny("consent-withdrawn", "The consent was withdrawn.");
        }
        if (event.action() == ConsentAction.LAPSED || !event.grantsAt(at)) {
            return deny("consent-lapsed", "The consent's validity period has run out; it must be asked for again.");
        }
        if (event.action() == ConsentAction.GIVEN && purpose.doubleOptIn()) {
            return deny(
                    "awaiting-confirmation",
                    "The consent was given but not yet confirmed from the person's mailbox (double opt-in).");
        }
        return allow(consentReason(event.action()), "The person's consent is on record.");
    }

    ConsentDecision deny(String reason, String explanation) {
        return answer(false, reason, explanation);
    }

    private ConsentDecision allow(String reason, String explanation) {
        return answer(true, reason, explanation);
    }

    /** Constants rather than {@code "consent-" + action.key()}: the common answer builds no string. */
    private static String consentReason(ConsentAction granting) {
        return switch (granting) {
            case GIVEN -> "consent-given";
            case CONFIRMED -> "consent-confirmed";
            case RENEWED -> "consent-renewed";
            case WITHDRAWN, LAPSED, OBJECTED -> throw new IllegalArgumentException(granting + " grants nothing");
        };
    }

    private ConsentDecision answer(boolean allowed, String reason, String explanation) {
        return new ConsentDecision(
                allowed ? "allowed" : "denied",
                allowed,
                reason,
                explanation,
                site,
                subjectText != null ? subjectText : subject == null ? null : subject.toString(),
                purpose.key(),
                jurisdiction,
                basesOf(bases),
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

    private static List<ConsentDecision.Basis> basesOf(List<LegalBasis> bases) {
        if (bases.size() == 1) {
            return List.of(
                    new ConsentDecision.Basis(bases.get(0).key(), bases.get(0).citation()));
        }
        return bases.stream()
                .map(b -> new ConsentDecision.Basis(b.key(), b.citation()))
                .toList();
    }
}
