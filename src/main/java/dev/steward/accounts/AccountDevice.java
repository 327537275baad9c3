package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A browser in which an account signed in, known by the SHA-256 of its cookie's random id. Wrong passwords typed in it
 * count here, not on the account; once they lock it, it is trusted no more: after the lock it is a browser like any
 * other, so a stolen cookie buys its thief one round of guesses, never more.
 */
record AccountDevice(
        String idSha256,
        String site,
        SubjectId subject,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant trustedUntil) {

    /** Whether the account signed in here and, since then, no lock has spent the browser's trust. */
    boolean trustedAt(Instant now) {
        return lockedUntil == null && now.isBefore(trustedUntil);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether the browser counts for this account now: trusted, or locked by wrong passwords typed in it. */
    boolean speaksFor(Account account, Instant now) {
        return site.equals(account.site()) && subject.equals(account.subject()) && (trustedAt(now) || lockedAt(now));
    }

    @Override
    public String toString() {
        return "AccountDevice[site=" + site + ", subject=" + subject + "]";
    }
}
