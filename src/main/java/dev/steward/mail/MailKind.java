package dev.steward.mail;

import java.util.Locale;

/**
 * Why a message is sent, which decides when it may go out (seed 002): a person who chose not to receive marketing
 * still gets replies to their own questions and operational notices.
 */
public enum MailKind {
    /** A reply to the person's own request or inquiry. */
    SERVICE,
    /** Something the person must know: a product recall, a change that affects their data. */
    OPERATIONAL,
    /** Offers and newsletters: only with a current consent to a direct-marketing purpose. */
    MARKETING;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
