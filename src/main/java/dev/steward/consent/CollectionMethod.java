package dev.steward.consent;

import java.util.Locale;

/** How a consent action was collected. */
public enum CollectionMethod {
    FORM,
    BANNER,
    ACCOUNT_PAGE,
    PRIVACY_CENTER,
    EMAIL_LINK,
    /** The one-click unsubscribe of RFC 8058: a mail program posted the link of a message's List-Unsubscribe. */
    ONE_CLICK,
    /** A mail to the unsubscribe address of a message's List-Unsubscribe, passed to Steward by the operator. */
    UNSUBSCRIBE_MAIL,
    IMPORT,
    API,
    /** Steward itself, e.g. when a consent lapses. */
    SYSTEM;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
