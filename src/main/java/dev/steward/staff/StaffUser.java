package dev.steward.staff;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A member of staff as stored: the password only as a hash. */
record StaffUser(
        String username,
        String passwordHash,
        Set<StaffRole> roles,
        Set<String> sites,
        boolean disabled,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant createdAt) {}
