package dev.steward.retention;

import dev.steward.vault.RecordId;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A legal hold on all of a subject's records, or on one record (a case), through the end of {@code heldUntil}
 * (UTC), unless released earlier.
 */
record LegalHold(
        UUID id,
        SubjectId subject,
        @Nullable RecordId record,
        @Nullable String site,
        String reason,
        LocalDate heldUntil,
        Instant endsAt,
        String placedBy,
        Instant placedAt,
        @Nullable String releasedBy,
        @Nullable Instant releasedAt,
        @Nullable String releaseReason) {

    public boolean activeAt(Instant now) {
        return releasedAt == null && endsAt.isAfter(now);
    }

    boolean covers(RecordSummary candidate) {
        return record == null ? subject.equals(candidate.subject()) : record.equals(candidate.id());
    }
}
