package dev.steward.mail;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the outbox: what may be known about a message without opening its sealed envelope. */
record OutboxMessage(
        UUID id,
        String messageId,
        String site,
        SubjectId subject,
        MailKind kind,
        @Nullable String category,
        @Nullable String purpose,
        MailStatus status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String transport,
        Instant createdAt,
        @Nullable Instant sentAt,
        byte @Nullable [] envelope) {

    static OutboxMessage queued(UUID id, String messageId, OutgoingMail mail, Instant now, byte[] envelope) {
        return of(id, messageId, mail, MailStatus.QUEUED, now, null, envelope, now);
    }

    /** Refused before it was stored: the decision is kept, the content is not. */
    static OutboxMessage dropped(UUID id, String messageId, OutgoingMail mail, Instant now, String reason) {
        return of(id, messageId, mail, MailStatus.DROPPED, null, reason, null, now);
    }

    private static OutboxMessage of(
            UUID id,
            String messageId,
            OutgoingMail mail,
            MailStatus status,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            byte @Nullable [] envelope,
            Instant now) {
        return new OutboxMessage(
                id,
                messageId,
                mail.site(),
                mail.subject(),
                mail.kind(),
                mail.category(),
                mail.purpose(),
                status,
                0,
                nextAttemptAt,
                lastError,
                null,
                now,
                null,
                envelope);
    }
}
