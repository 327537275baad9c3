package dev.steward.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The trace an erasure leaves: whose data, which records (none listed: the whole subject), when and why. It holds
 * nothing personal; the subject ids are random and, once a subject's key is gone, lead nowhere.
 *
 * <p>A retention sweep's batch leaves one tombstone per activity for records of many subjects: then {@code subject}
 * is null and {@code subjects} names, position by position, the subject each of the {@code records} belonged to.
 * The people the batch left without any record, erased whole, share one more tombstone: {@code subject} and
 * {@code records} null, {@code subjects} naming each of them once ({@link #ofSubjects}). Before 2026-12-06 each of
 * them had a tombstone of their own ({@link #ofSubject}); both kinds verify and replay.
 *
 * @param suppressed true when the erasure also put the subject's identifiers on the suppression list (an erasure
 *     request), so that a replay after a restore does it again; absent otherwise
 */
public record Tombstone(
        UUID id,
        @Nullable SubjectId subject,
        @Nullable List<RecordId> records,
        @Nullable String activity,
        Instant erasedAt,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<SubjectId> subjects,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean suppressed) {

    /** One subject's erasure: all their data, or some of their records. */
    public Tombstone(
            UUID id,
            SubjectId subject,
            @Nullable List<RecordId> records,
            @Nullable String activity,
            Instant erasedAt,
            String reason) {
        this(id, subject, records, activity, erasedAt, reason, null, null);
    }

    /** A whole subject erased now, their identifiers suppressed or not. */
    static Tombstone ofSubject(SubjectId subject, Instant erasedAt, String reason, boolean suppress) {
        return new Tombstone(
                UUID.randomUUID(), subject, null, null, erasedAt, reason, null, suppress ? Boolean.TRUE : null);
    }

    /**
     * Whole subjects erased together at one instant for one reason: the people a retention sweep's batch left without
     * any record. One chained row, however many they are.
     */
    static Tombstone ofSubjects(UUID id, List<SubjectId> subjects, Instant erasedAt, String reason) {
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a tombstone of no subject");
        }
        return new Tombstone(id, null, null, null, erasedAt, reason, List.copyOf(subjects), null);
    }

    /** Records of one activity, of many subjects, erased together by a retention sweep. */
    static Tombstone ofBatch(
            UUID id,
            List<RecordId> records,
            List<SubjectId> subjects,
            String activity,
            Instant erasedAt,
            String reason) {
        return new Tombstone(id, null, List.copyOf(records), activity, erasedAt, reason, List.copyOf(subjects), null);
    }

    /** Whether it erased whole subjects (one, or the people of a sweep's batch) rather than some records. */
    public boolean wholeSubject() {
        return records == null;
    }

    public boolean suppressesIdentifiers() {
        return Boolean.TRUE.equals(suppressed);
    }

    /** The subjects whose data it erased, each once. */
    public List<SubjectId> erasedSubjects() {
        return subject != null
                ? List.of(subject)
                : Objects.requireNonNull(subjects).stream().distinct().toList();
    }
}
