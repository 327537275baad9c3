package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/**
 * Records of one site, activity and retention rule that a retention sweep's batch erased, as its deletion certificate
 * and tombstone need them: which records, each with its subject position by position, and their due range. No
 * personal value.
 */
public record SweptRecords(
        String site,
        String activity,
        String retentionRule,
        List<RecordId> records,
        List<SubjectId> subjects,
        Instant dueFrom,
        Instant dueTo) {

    public SweptRecords {
        if (records.size() != subjects.size()) {
            throw new IllegalArgumentException("a subject for each record");
        }
    }

    public int count() {
        return records.size();
    }
}
