package dev.steward.rights;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What staff (and the API) are told about a released package: when, until when, how often the requester downloaded
 * it, and that in words ({@code text}, in the reader's language and the site's days). Never its link or code, which
 * are the requester's alone.
 */
public record PackageSummary(
        Instant releasedAt,
        Instant availableUntil,
        int downloads,
        @Nullable Instant lastDownloadedAt,
        String state,
        String text) {

    static final String AVAILABLE = "available";
    static final String EXPIRED = "expired";
    static final String LOCKED = "locked";
    /** Locked after wrong codes, its content moved to a new link mailed to the requester. */
    static final String REPLACED = "replaced";
}
