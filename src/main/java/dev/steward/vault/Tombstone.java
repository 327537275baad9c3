package dev.steward.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The trace an erasure leaves: whose data, which records (none listed: the whole subject), when and why. It holds
 * nothing personal; the subject ids are random and, once a subject's key is gone, lead nowhere.
 *
 * <p>A retention sweep's batch leaves one tombstone per activity for records of many subjects: then {@code subject}
 * is null and {@code subjects} names, position by position, the subject each of the {@code records} belonged to.
 */
public record Tombstone(
        UUID id,
        @Nullable SubjectId subject,
        @Nullable List<RecordId> records,
        @Nullable String activity,
        Instant erasedAt,
        String reason,
        @Nullable List<SubjectId> subjects) {

    /** One subject's erasure: all their data, or some of their records. */
    public Tombstone(
            UUID id,
            SubjectId subject,
            @Nullable List<RecordId> records,
            @Nullable String activity,
            Instant erasedAt,
            String reason) {
        this(id, subject, records, activity, erasedAt, reason, null);
    }

    /** Records of one activity, of many subjects, erased together by a retention sweep. */
    static Tombstone ofBatch(
            UUID id,
            List<RecordId> records,
            List<SubjectId> subjects,
            String activity,
            Instant erasedAt,
            String reason) {
        return new Tombstone(id, null, List.copyOf(records), activity, erasedAt, reason, List.copyOf(subjects));
    }

    public boolean wholeSubject() {
        return records == null;
    }
}
