package dev.steward.mail;

import java.util.Locale;

/** Where a message is on its way out. */
public enum MailStatus {
    /** Waiting for its (next) delivery attempt. */
    QUEUED,
    /** Delivered to the SMTP server, or to the dev mailbox. */
    SENT,
    /** Kept back while a hold (a restriction of processing) applies; re-checked on every delivery run. */
    HELD,
    /** Never to be sent: a marketing message without a current consent. Its content is not kept. */
    DROPPED,
    /** Every delivery attempt failed. */
    FAILED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
