package dev.steward.vault;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the vault knows about a record without decrypting it. */
public record RecordSummary(
        RecordId id,
        SubjectId subject,
        String site,
        String activity,
        String noticeVersion,
        String legalBasis,
        String jurisdiction,
        Instant collectedAt,
        RecordState state,
        String retentionRule,
        @Nullable Instant dueAt) {}
