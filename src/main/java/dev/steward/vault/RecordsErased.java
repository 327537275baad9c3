package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/**
 * Records were erased: one activity's of a subject, or a whole retention batch of many subjects' (one event per
 * batch, so that listeners clean up with one statement rather than one per subject).
 */
public record RecordsErased(List<SubjectId> subjects, List<RecordId> records, Instant erasedAt, String reason) {}
