package dev.steward.notice;

import dev.steward.catalog.Site;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;

/** The language a visitor reads a site in: the first of the browser's languages the site declares, else its default. */
public final class VisitorLanguages {

    private VisitorLanguages() {}

    public static Locale of(Site site, HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                if (site.languages().contains(wanted.getLanguage())) {
                    return Locale.forLanguageTag(wanted.getLanguage());
                }
            }
        }
        return Locale.forLanguageTag(site.language());
    }
}
