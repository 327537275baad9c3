package dev.steward.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key as stored and listed: never its secret. {@code owner} is the member of staff it follows (its maker, or the
 * member behind the staff key that made it, {@code madeByKey}): it goes when their standing no longer covers it. No
 * owner: a key a key made before keys were followed, whose member could not be told; it is revoked at start.
 */
public record ApiKey(
        UUID id,
        String prefix,
        String name,
        Caller.Kind kind,
        Set<StaffRole> roles,
        Set<String> sites,
        String createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable String owner,
        @Nullable UUID madeByKey) {}
