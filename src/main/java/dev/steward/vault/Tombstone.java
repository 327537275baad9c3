package dev.steward.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The trace an erasure leaves: whose data, which records (none listed: the whole subject), when and why. It holds
 * nothing personal; the subject id is random and, once the subject's key is gone, leads nowhere.
 */
public record Tombstone(
        UUID id,
        SubjectId subject,
        @Nullable List<RecordId> records,
        @Nullable String activity,
        Instant erasedAt,
        String reason) {

    public boolean wholeSubject() {
        return records == null;
    }
}
