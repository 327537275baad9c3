package dev.steward.retention;

import dev.steward.vault.SweptRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What one sweep run did, as its deletion certificate will state it: counts and catalog keys only. */
final class SweepTally {

    private final RetentionRules rules;
    private final Map<String, List<String>> categories = new HashMap<>();
    private final SortedMap<String, Long> byActivity = new TreeMap<>();
    private final SortedMap<String, Long> byCategory = new TreeMap<>();
    private final SortedMap<String, Long> other = new TreeMap<>();
    private int batches;
    private long erased;
    private long kept;
    private long otherExpired;
    private @Nullable Instant dueFrom;
    private @Nullable Instant dueTo;

    SweepTally(RetentionRules rules) {
        this.rules = rules;
    }

    void erased(List<SweptRecord> records, int keptBack) {
        batches++;
        kept += keptBack;
        for (SweptRecord record : records) {
            erased++;
            String activity = record.site() + "/" + record.activity();
            byActivity.merge(activity, 1L, Long::sum);
            for (String category :
                    categories.computeIfAbsent(activity, key -> rules.categoriesOf(record.site(), record.activity()))) {
                byCategory.merge(record.site() + "/" + category, 1L, Long::sum);
            }
            if (dueFrom == null || record.dueAt().isBefore(dueFrom)) {
                dueFrom = record.dueAt();
            }
            if (dueTo == null || record.dueAt().isAfter(dueTo)) {
                dueTo = record.dueAt();
            }
        }
    }

    void expired(ExpiringData.Expired expired) {
        otherExpired += expired.processed();
        expired.counts().forEach((what, count) -> {
            if (count > 0) {
                other.merge(what, count, Long::sum);
            }
        });
    }

    boolean didAnything() {
        return erased > 0 || kept > 0 || !other.isEmpty();
    }

    SweepProgress progress(String initiator, Instant sweptUntil, long elapsedMillis, boolean finished) {
        return new SweepProgress(initiator, sweptUntil, batches, erased, kept, otherExpired, elapsedMillis, finished);
    }

    int batches() {
        return batches;
    }

    long erased() {
        return erased;
    }

    long kept() {
        return kept;
    }

    SortedMap<String, Long> byActivity() {
        return byActivity;
    }

    SortedMap<String, Long> byCategory() {
        return byCategory;
    }

    SortedMap<String, Long> other() {
        return other;
    }

    @Nullable
    Instant dueFrom() {
        return dueFrom;
    }

    @Nullable
    Instant dueTo() {
        return dueTo;
    }
}
