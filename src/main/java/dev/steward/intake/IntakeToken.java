package dev.steward.intake;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a link sent by e-mail stands for, stored under the SHA-256 of its token: a child's held submission for its
 * parent to confirm (the record, the purposes the child ticked), or consents to confirm (double opt-in).
 */
record IntakeToken(
        String tokenSha256,
        Kind kind,
        String site,
        @Nullable String form,
        SubjectId subject,
        @Nullable RecordId record,
        List<String> purposes,
        String jurisdiction,
        String method,
        Instant createdAt,
        Instant expiresAt) {

    IntakeToken {
        purposes = List.copyOf(purposes);
    }

    enum Kind {
        PARENTAL_CONSENT("parental-consent"),
        DOUBLE_OPT_IN("double-opt-in");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static Kind ofKey(String key) {
            return PARENTAL_CONSENT.key.equals(key) ? PARENTAL_CONSENT : DOUBLE_OPT_IN;
        }
    }

    /** What a confirmation records as its evidence: the token's hash, never the token. */
    String evidenceRef() {
        return "sha256:" + tokenSha256;
    }
}
