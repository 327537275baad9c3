package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's account on one site, as stored: no login and no personal value, only the password's hash. A new
 * registration must be verified by {@code verifyBy}, else it is discarded; one registered before verification was
 * required has no such limit and is asked to verify at its next sign-in.
 */
record Account(
        String site,
        SubjectId subject,
        String registeredWith,
        String passwordHash,
        State state,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant verifyBy) {

    enum State {
        ACTIVE("active"),
        AWAITING_PARENT("awaiting-parent");

        private final String key;

        State(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static State ofKey(String key) {
            return "active".equals(key) ? ACTIVE : AWAITING_PARENT;
        }
    }

    /** Whether a link sent to the account's e-mail address proved that the holder reads it. */
    boolean verified() {
        return verifiedAt != null;
    }

    /** Verified and, for a child, confirmed by a parent: only then can the account be signed in to. */
    boolean usable() {
        return verified() && state == State.ACTIVE;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "Account[site=" + site + ", subject=" + subject + ", state=" + state + "]";
    }
}
