package dev.steward.catalog;

import org.jspecify.annotations.Nullable;

/** A cookie, web beacon or similar device a site uses, as the cookie policy lists it. */
public record Cookie(
        String key,
        @Nullable String site,
        @Nullable String name,
        Kind kind,
        String provider,
        Party party,
        Category category,
        @Nullable String duration,
        LocalizedText purpose,
        @Nullable LocalizedText collects,
        @Nullable String optOutUrl,
        @Nullable LocalizedText optOutLabel) {

    public enum Kind {
        COOKIE,
        WEB_BEACON,
        LOCAL_STORAGE
    }

    public enum Party {
        FIRST,
        THIRD
    }

    public enum Category {
        STRICTLY_NECESSARY,
        PREFERENCES,
        ANALYTICS,
        ADVERTISING
    }
}
