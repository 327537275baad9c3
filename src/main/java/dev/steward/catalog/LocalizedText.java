package dev.steward.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text in one or more languages. In YAML either a plain string (the catalog's default language) or a
 * mapping from language tag to text.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final String DEFAULT_LANGUAGE = "en";

    public LocalizedText {
        byLanguage = Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(Map.of(DEFAULT_LANGUAGE, text));
    }

    /** The text in the language asked for, falling back to English and then to any language given. */
    public String in(String language) {
        String exact = byLanguage.get(language);
        if (exact != null) {
            return exact;
        }
        String fallback = byLanguage.get(DEFAULT_LANGUAGE);
        return fallback != null ? fallback : byLanguage.values().iterator().next();
    }

    /** The text in the language asked for, else in the given fallback language (a site's default). */
    public String in(String language, String fallback) {
        return in(byLanguage.containsKey(language) ? language : fallback);
    }

    @Override
    public String toString() {
        return in(DEFAULT_LANGUAGE);
    }
}
