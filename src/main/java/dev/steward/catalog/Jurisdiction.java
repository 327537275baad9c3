package dev.steward.catalog;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A legal area a site serves: which law applies, how old a visitor must be, how long a rights request may
 * take, which authority hears complaints and which rights the notice grants there.
 */
public record Jurisdiction(
        String key,
        LocalizedText name,
        Regime regime,
        @Nullable AgeGate ageGate,
        @Nullable Span requestDeadline,
        @Nullable Span requestExtension,
        @Nullable Contact supervisoryAuthority,
        @Nullable LocalizedText introduction,
        List<Right> rights,
        @Nullable LocalizedText automatedDecisions,
        List<String> countries,
        @Nullable String timeZone) {

    /**
     * The time zone this jurisdiction's visitors read dates and times in (an IANA name): the site's where the catalog
     * names none. A European visitor of a Japanese company's site reads a receipt's time on a European clock.
     */
    public ZoneId zone(Site site) {
        return timeZone == null ? site.zone() : ZoneId.of(timeZone);
    }

    /**
     * Whether visitors from the country are served by this jurisdiction: the countries the catalog lists, else those
     * whose law the regime is (the EEA and the United Kingdom for the GDPR, Japan for the APPI, the United States).
     */
    public boolean serves(String country) {
        String code = country.toUpperCase(java.util.Locale.ROOT);
        return countries.isEmpty() ? Countries.underLawOf(regime, code) : countries.contains(code);
    }

    /** The age below which a visitor may not provide data alone, and what happens then. */
    public record AgeGate(
            int minimumAge, ChildPolicy belowAge, @Nullable LocalizedText notice) {}

    public enum ChildPolicy {
        /** Collection waits until a parent or guardian confirms by e-mail. */
        PARENTAL_CONSENT,
        /** Nothing is collected. */
        REFUSE
    }

    /**
     * A right the notice grants in this jurisdiction, with its legal citation and explanation, and the grounds a
     * requester chooses among where the law lists them (the reasons for erasure, the cases of restriction).
     */
    public record Right(
            RightType type, LocalizedText title, @Nullable String article, LocalizedText text, List<Ground> grounds) {}

    public record Ground(String key, LocalizedText text) {}

    public boolean grants(RightType type) {
        return rights.stream().anyMatch(right -> right.type() == type);
    }
}
