package dev.steward.rights;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Telling one recipient of a subject's data about a rectification, erasure or restriction (GDPR Art. 19). */
public record RecipientNotice(
        UUID id,
        UUID request,
        @Nullable SubjectId subject,
        String site,
        String recipient,
        Change change,
        Channel channel,
        Status status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant toldAt,
        @Nullable String toldBy) {

    public enum Change {
        RECTIFIED,
        ERASED,
        RESTRICTED,
        RESTRICTION_LIFTED;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A signed webhook for recipients with an endpoint; a task staff confirm by hand for the others. */
    public enum Channel {
        WEBHOOK,
        MANUAL;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        PENDING,
        /** The recipient's endpoint answered 2xx. */
        ACKNOWLEDGED,
        /** Staff confirmed they told the recipient by hand. */
        CONFIRMED,
        FAILED;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean told() {
        return status == Status.ACKNOWLEDGED || status == Status.CONFIRMED;
    }
}
