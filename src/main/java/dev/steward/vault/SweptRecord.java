package dev.steward.vault;

import java.time.Instant;

/** A record a retention sweep erased, as its deletion certificate and tombstone need it: no personal value. */
public record SweptRecord(
        RecordId id, SubjectId subject, String site, String activity, String retentionRule, Instant dueAt) {}
