package dev.steward.platform;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The reader's preference among the languages on offer, from an {@code Accept-Language} header. */
public final class AcceptLanguage {

    private AcceptLanguage() {}

    /** The best match of the header among the offered tags, else the first offered; a malformed header is none. */
    public static String preferred(@Nullable String acceptLanguage, List<String> offered) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), offered);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no preference
            }
        }
        return offered.get(0);
    }
}
