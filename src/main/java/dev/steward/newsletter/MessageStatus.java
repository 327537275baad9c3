package dev.steward.newsletter;

import java.util.Locale;

/** Where one message of a campaign is. */
enum MessageStatus {
    /** In the outbound queue, waiting for a worker. */
    QUEUED,
    /** Operational mail kept back while a restriction of processing applies; looked at again later. */
    HELD,
    /** Taken out of the queue while its campaign is paused. */
    PAUSED,
    SENT,
    /** Refused by the mail server, or every attempt failed. */
    FAILED,
    /** The person may not receive it (the reason says why): decided just before it would have gone. */
    SKIPPED,
    CANCELLED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MessageStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
