package dev.steward.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
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
        @Nullable String otherCountries,
        List<String> languages,
        @Nullable String hostedBy,
        List<String> storageLocations,
        Notice notice,
        @Nullable Accounts accounts,
        @Nullable Integer aggregateMinimumCount,
        @Nullable Boolean sellsPersonalData,
        @Nullable ConsentEvidence consentEvidence,
        List<String> earlierEditions,
        @Nullable SiteMail mail,
        @Nullable String timeZone) {

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

    /**
     * What connection data is kept as evidence with each consent: the IP address in full, truncated (IPv4 /24, IPv6
     * /48) or not at all, and the browser's user agent. Kept encrypted under the subject's key either way.
     */
    public record ConsentEvidence(IpAddress ipAddress, boolean userAgent) {

        public static final ConsentEvidence DEFAULT = new ConsentEvidence(IpAddress.TRUNCATED, true);

        public enum IpAddress {
            FULL,
            TRUNCATED,
            NONE
        }
    }

    public ConsentEvidence evidence() {
        return consentEvidence != null ? consentEvidence : ConsentEvidence.DEFAULT;
    }

    /** Account security: re-authentication after a period (seed 000 §4) and lockout after failures. */
    /**
     * How the site's accounts sign in, and the name of the part of "My privacy" where a person finds their e-mail
     * address, their password and their e-mail choices, as the site's notice tells people to click it (Omron: "click
     * \"Email Address &amp; Password\" and remove the check in the box"); the page's own name where unset.
     */
    public record Accounts(
            Span reauthenticateAfter,
            int lockoutAfterFailures,
            Span lockoutFor,
            @Nullable LocalizedText emailChoicesTitle) {}

    /** The time zone the site's visitors read dates in (an IANA name such as {@code Europe/Berlin}); UTC if unset. */
    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    public String language() {
        return languages.isEmpty() ? LocalizedText.DEFAULT_LANGUAGE : languages.get(0);
    }
}
