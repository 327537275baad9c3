package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A visitor's account on one site, as stored: no login and no personal value, only the password's hash. */
record Account(
        String site,
        SubjectId subject,
        String registeredWith,
        String passwordHash,
        State state,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {

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

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "Account[site=" + site + ", subject=" + subject + ", state=" + state + "]";
    }
}
