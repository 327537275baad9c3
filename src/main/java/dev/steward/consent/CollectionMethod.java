package dev.steward.consent;

import java.util.Locale;

/** How a consent action was collected. */
public enum CollectionMethod {
    FORM,
    BANNER,
    ACCOUNT_PAGE,
    PRIVACY_CENTER,
    EMAIL_LINK,
    IMPORT,
    API,
    /** Steward itself, e.g. when a consent lapses. */
    SYSTEM;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
