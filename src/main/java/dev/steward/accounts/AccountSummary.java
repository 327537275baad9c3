package dev.steward.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What an account holder learns about their account on a site in an access request: never the password's hash. */
public record AccountSummary(
        String site,
        String registeredWith,
        String state,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant lockedUntil) {}
