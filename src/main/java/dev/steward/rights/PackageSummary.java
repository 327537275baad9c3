package dev.steward.rights;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What staff (and the API) are told about a released package: when, until when, how often the requester downloaded
 * it. Never its link or code, which are the requester's alone.
 */
public record PackageSummary(
        Instant releasedAt,
        Instant availableUntil,
        int downloads,
        @Nullable Instant lastDownloadedAt,
        String state) {

    static final String AVAILABLE = "available";
    static final String EXPIRED = "expired";
    static final String LOCKED = "locked";

    /** The summary in words, as the console's request page shows it. */
    public String text() {
        String times = downloads == 0
                ? "not downloaded yet"
                : "downloaded " + (downloads == 1 ? "once" : downloads + " times") + ", last on "
                        + RightsMail.day(lastDownloadedAt);
        String window = switch (state) {
            case LOCKED -> "locked after too many wrong codes, and deleted";
            case EXPIRED -> "available until " + RightsMail.day(availableUntil) + ", deleted since";
            default -> "available until " + RightsMail.day(availableUntil);
        };
        return "Released on " + RightsMail.day(releasedAt) + "; " + window + "; " + times + ".";
    }
}
