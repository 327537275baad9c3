package dev.steward.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Country facts the law fixes: which ISO 3166 codes form the European Economic Area. */
public final class Countries {

    private static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private Countries() {}

    /**
     * ISO 3166-1 reserves EU for the European Union; a catalog uses it for a recipient that stands for several
     * companies inside the Union, such as "our distributors in the EEA".
     */
    private static final String EUROPEAN_UNION = "EU";

    private static final String UNITED_KINGDOM = "GB";

    public static boolean isInEea(String countryCode) {
        String code = countryCode.toUpperCase(Locale.ROOT);
        return EEA.contains(code) || EUROPEAN_UNION.equals(code);
    }

    /**
     * Whether the regime is the law of the country: the GDPR of the EEA, and of the United Kingdom, whose UK GDPR
     * asks the same; the APPI of Japan; US law of the United States.
     */
    public static boolean underLawOf(Regime regime, String countryCode) {
        String code = countryCode.toUpperCase(Locale.ROOT);
        return switch (regime) {
            case GDPR -> isInEea(code) || UNITED_KINGDOM.equals(code);
            case APPI -> "JP".equals(code);
            case US -> "US".equals(code);
        };
    }

    public static boolean isKnown(String countryCode) {
        String code = countryCode.toUpperCase(Locale.ROOT);
        return EUROPEAN_UNION.equals(code)
                || (code.length() == 2 && Set.of(Locale.getISOCountries()).contains(code));
    }

    /** The country's English short name, e.g. "Czechia" for CZ. */
    public static String name(String countryCode) {
        return name(countryCode, Locale.ENGLISH);
    }

    /**
     * The country's short name in a reader's language ("Tschechien", "チェコ"); the European Union, which ISO 3166
     * only reserves, has no name in the JDK and is named by the caller's own words.
     */
    public static String name(String countryCode, Locale language) {
        String code = countryCode.toUpperCase(Locale.ROOT);
        if (EUROPEAN_UNION.equals(code)) {
            return "European Union";
        }
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(language);
    }

    /**
     * The code of a country by its English short name as {@link #name(String)} gives it, for a published notice, which
     * stores the English name: empty for a name it did not give.
     */
    public static Optional<String> codeOf(String englishName) {
        if ("European Union".equals(englishName)) {
            return Optional.of(EUROPEAN_UNION);
        }
        return Arrays.stream(Locale.getISOCountries())
                .filter(code -> name(code).equals(englishName))
                .findFirst();
    }
}
