package dev.steward.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * How far a browser that signed in is trusted (OWASP device cookies, for visitors' accounts and for the console alike).
 * Wrong passwords typed in it count here; once they lock it, its trust is spent: after the lock it is a browser like
 * any other, so a stolen cookie buys its thief one round of guesses, never more.
 */
public record DeviceTrust(int failedAttempts, @Nullable Instant lockedUntil, Instant trustedUntil) {

    /** Whether someone signed in here and, since then, no lock has spent the browser's trust. */
    public boolean trustedAt(Instant now) {
        return lockedUntil == null && now.isBefore(trustedUntil);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether the browser counts now: trusted, or locked by the wrong passwords typed in it. */
    public boolean countsAt(Instant now) {
        return trustedAt(now) || lockedAt(now);
    }

    /** Reads the columns {@code failed_attempts}, {@code locked_until} and the given one for the trust's end. */
    public static DeviceTrust read(ResultSet row, String trustedUntilColumn) throws SQLException {
        OffsetDateTime lockedUntil = row.getObject("locked_until", OffsetDateTime.class);
        return new DeviceTrust(
                row.getInt("failed_attempts"),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                row.getObject(trustedUntilColumn, OffsetDateTime.class).toInstant());
    }
}
