package dev.steward.staff;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A browser in which a member signed in to the console, known by the SHA-256 of its cookie's random id. Wrong passwords
 * typed in it count here, not on the member; once they lock it, it is trusted no more: after the lock it is a browser
 * like any other, so a stolen cookie buys its thief one round of guesses, never more.
 */
record StaffDevice(
        String idSha256,
        String username,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant expiresAt) {

    /** Whether the member signed in here and, since then, no lock has spent the browser's trust. */
    boolean trustedAt(Instant now) {
        return lockedUntil == null && now.isBefore(expiresAt);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether the browser counts for this member now: trusted, or locked by wrong passwords typed in it. */
    boolean speaksFor(String member, Instant now) {
        return username.equals(member) && (trustedAt(now) || lockedAt(now));
    }
}
