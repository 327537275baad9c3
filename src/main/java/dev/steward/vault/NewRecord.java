package dev.steward.vault;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A personal record to store: which site and activity collected it, under which notice version, legal basis and
 * jurisdiction, its retention rule and (for a rule that starts at collection) its due time, and the fields.
 */
public record NewRecord(
        String site,
        String activity,
        String noticeVersion,
        String legalBasis,
        String jurisdiction,
        String retentionRule,
        @Nullable Instant dueAt,
        RecordState state,
        Map<String, String> fields) {

    public NewRecord {
        fields = Map.copyOf(fields);
    }

    @Override
    public String toString() {
        return "NewRecord[site=" + site + ", activity=" + activity + ", fields=" + fields.keySet() + "]";
    }
}
