package dev.steward.weblog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request as the log keeps it, before it is written. The IP address appears only truncated and as keyed hashes;
 * fields the site's log activity does not declare are null.
 */
record LoggedRequest(
        String site,
        Instant at,
        @Nullable String ipTruncated,
        byte @Nullable [] ipKey,
        byte @Nullable [] sessionKey,
        @Nullable String browser,
        @Nullable String browserVersion,
        @Nullable String device,
        @Nullable String operatingSystem,
        @Nullable String country,
        @Nullable String city,
        @Nullable String language,
        @Nullable String referrerHost) {}
