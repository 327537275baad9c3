package dev.steward.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

    /**
     * The text a page in {@code language} shows, and the language it is written in where the catalog has no
     * translation: a page marks such parts ({@code lang}), so that a screen reader pronounces "Company Name" as English
     * inside a German page (WCAG 2.1, 3.1.2 language of parts).
     */
    public Shown shownIn(String language) {
        if (byLanguage.containsKey(language)) {
            return new Shown(byLanguage.get(language), null);
        }
        String fallback = byLanguage.containsKey(DEFAULT_LANGUAGE)
                ? DEFAULT_LANGUAGE
                : byLanguage.keySet().iterator().next();
        return new Shown(byLanguage.get(fallback), fallback);
    }

    /** As {@link #shownIn(String)}, falling back to the given language (a site's default) before English. */
    public Shown shownIn(String language, String fallback) {
        return !byLanguage.containsKey(language) && byLanguage.containsKey(fallback)
                ? new Shown(byLanguage.get(fallback), fallback)
                : shownIn(language);
    }

    /** A text as shown: {@code lang} names its language when it is not the page's; it reads as its words. */
    public record Shown(String text, @Nullable String lang) {

        @Override
        public String toString() {
            return text;
        }
    }

    @Override
    public String toString() {
        return in(DEFAULT_LANGUAGE);
    }
}
