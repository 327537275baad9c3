package dev.steward.notice;

import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's texts of one notice in one language: a text the catalog does not give in the language is taken in the
 * site's default language, and counted, so that the page can say so; those the cookie policy shows are counted apart.
 * Every text shown in another language than the page's is remembered with that language, for the page to mark it.
 */
final class NoticeTexts {

    private final Site site;
    private final String language;
    private final Map<String, String> partLanguages = new HashMap<>();
    private int untranslated;
    private int untranslatedInCookiePolicy;
    private boolean cookiePolicy;

    NoticeTexts(Site site, String language) {
        this.site = site;
        this.language = language;
    }

    int untranslated() {
        return untranslated;
    }

    int untranslatedInCookiePolicy() {
        return untranslatedInCookiePolicy;
    }

    PartLanguages partLanguages() {
        return new PartLanguages(partLanguages);
    }

    /** Counts the texts the part resolves as texts of the cookie policy too. */
    <T> T inCookiePolicy(Supplier<T> part) {
        cookiePolicy = true;
        try {
            return part.get();
        } finally {
            cookiePolicy = false;
        }
    }

    @Nullable
    String text(@Nullable LocalizedText text) {
        if (text == null) {
            return null;
        }
        LocalizedText.Shown shown = text.shownIn(language, site.language());
        if (shown.lang() != null) {
            partLanguages.put(shown.text(), shown.lang());
        }
        // a site's own language is the notice's original: a text missing in it is not a translation left out
        if (shown.lang() != null && !language.equals(site.language())) {
            untranslated++;
            if (cookiePolicy) {
                untranslatedInCookiePolicy++;
            }
        }
        return shown.text();
    }
}
