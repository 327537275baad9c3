package dev.steward.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why data is processed. A purpose names its legal basis per jurisdiction (by jurisdiction key), may be
 * direct marketing (mail of kind marketing needs a current consent to it), may limit how long a consent to
 * it stays valid before it lapses and needs renewing, and may need a double opt-in: a consent to it counts only
 * once confirmed from the person's mailbox.
 */
public record Purpose(
        String key,
        LocalizedText name,
        @Nullable LocalizedText description,
        Map<String, List<LegalBasis>> legalBasis,
        boolean directMarketing,
        @Nullable Span consentValidity,
        boolean doubleOptIn) {

    public List<LegalBasis> basesIn(String jurisdiction) {
        return legalBasis.getOrDefault(jurisdiction, List.of());
    }

    /** Whether, in the jurisdiction, processing for this purpose rests on consent alone. */
    public boolean needsConsentIn(String jurisdiction) {
        List<LegalBasis> bases = basesIn(jurisdiction);
        return !bases.isEmpty() && bases.get(0).isConsent();
    }
}
