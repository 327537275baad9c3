package dev.steward.notice;

import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's texts of one notice in one language: a text the catalog does not give in the language is taken in the
 * site's default language, and counted, so that the page can say so; those the cookie policy shows are counted apart.
 */
final class NoticeTexts {

    private final Site site;
    private final String language;
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
        String translated = text.byLanguage().get(language);
        if (translated != null || language.equals(site.language())) {
            return translated != null ? translated : text.in(language);
        }
        untranslated++;
        if (cookiePolicy) {
            untranslatedInCookiePolicy++;
        }
        return text.in(site.language());
    }
}
