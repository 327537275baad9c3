package dev.steward.catalog;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A website whose personal-data touchpoints Steward runs. */
public record Site(
        String key,
        LocalizedText name,
        String baseUrl,
        String controller,
        List<String> jurisdictions,
        String defaultJurisdiction,
        List<String> languages,
        @Nullable String hostedBy,
        List<String> storageLocations,
        Notice notice,
        @Nullable Accounts accounts,
        @Nullable Integer aggregateMinimumCount,
        @Nullable Boolean sellsPersonalData,
        List<String> earlierEditions) {

    /**
     * The notice this catalog revision publishes. A new revision of the notice needs a new version; the
     * significance says whether people must be told (material) or not (editorial).
     */
    public record Notice(
            LocalizedText title,
            String version,
            LocalDate effective,
            @Nullable LocalDate lastModified,
            Significance significance,
            @Nullable Span changeNoticePeriod) {}

    public enum Significance {
        MATERIAL,
        EDITORIAL
    }

    /** Account security: re-authentication after a period (seed 000 §4) and lockout after failures. */
    public record Accounts(Span reauthenticateAfter, int lockoutAfterFailures, Span lockoutFor) {}

    public String language() {
        return languages.isEmpty() ? LocalizedText.DEFAULT_LANGUAGE : languages.get(0);
    }
}
