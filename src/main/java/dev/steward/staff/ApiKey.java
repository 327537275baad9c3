package dev.steward.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API key as stored and listed: never its secret. */
public record ApiKey(
        UUID id,
        String prefix,
        String name,
        Caller.Kind kind,
        Set<StaffRole> roles,
        Set<String> sites,
        String createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt) {}
