package dev.steward.cookies;

import dev.steward.catalog.LocalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The banner's catalog texts in one visitor's language. A text the catalog lacks in it is shown in English and
 * remembered with its language, so that the script marks it ({@code lang}) and a screen reader pronounces it as
 * English inside a German banner (WCAG 2.1, 3.1.2 language of parts). The marks are not part of the banner's wording,
 * whose digest each choice records: they change how the words are read aloud, not which words were shown.
 */
final class BannerWords {

    private final String language;
    private final Map<String, String> partLanguages = new LinkedHashMap<>();

    BannerWords(String language) {
        this.language = language;
    }

    String of(LocalizedText text) {
        LocalizedText.Shown shown = text.shownIn(language);
        if (shown.lang() != null) {
            partLanguages.put(shown.text(), shown.lang());
        }
        return shown.text();
    }

    Map<String, String> partLanguages() {
        return Map.copyOf(partLanguages);
    }
}
