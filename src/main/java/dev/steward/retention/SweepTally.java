package dev.steward.retention;

import dev.steward.vault.SweptRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What sweep batches did, as a deletion certificate states it: counts and catalog keys only, and the tombstones that
 * name the erased records in the erasure log. One batch's tally is stored with the batch; a certificate adds up its
 * run's batches.
 */
final class SweepTally {

    private final SortedMap<String, Long> byActivity = new TreeMap<>();
    private final SortedMap<String, Long> byCategory = new TreeMap<>();
    private final SortedMap<String, Long> other = new TreeMap<>();
    private final List<UUID> tombstones = new ArrayList<>();
    private int batches;
    private long erased;
    private long kept;
    private long otherExpired;
    private @Nullable Instant dueFrom;
    private @Nullable Instant dueTo;

    /** Nothing yet: batches are added to it. */
    SweepTally() {}

    /** One batch of records: those erased (named by the tombstones) and how many were kept back. */
    static SweepTally ofBatch(List<SweptRecords> erased, int keptBack, List<UUID> tombstones, RetentionRules rules) {
        SweepTally tally = new SweepTally();
        tally.batches = 1;
        tally.kept = keptBack;
        tally.tombstones.addAll(tombstones);
        for (SweptRecords records : erased) {
            long count = records.count();
            tally.erased += count;
            tally.byActivity.merge(records.site() + "/" + records.activity(), count, Long::sum);
            for (String category : rules.categoriesOf(records.site(), records.activity())) {
                tally.byCategory.merge(records.site() + "/" + category, count, Long::sum);
            }
            tally.covers(records.dueFrom(), records.dueTo());
        }
        return tally;
    }

    /** One batch of data expired outside the vault. */
    static SweepTally ofExpired(ExpiringData.Expired expired) {
        SweepTally tally = new SweepTally();
        tally.otherExpired = expired.processed();
        expired.counts().forEach((what, count) -> {
            if (count > 0) {
                tally.other.merge(what, count, Long::sum);
            }
        });
        return tally;
    }

    /** A batch as stored: its counts read back. */
    static SweepTally stored(
            boolean recordBatch,
            long erased,
            long kept,
            Map<String, Long> byActivity,
            Map<String, Long> byCategory,
            Map<String, Long> other,
            @Nullable Instant dueFrom,
            @Nullable Instant dueTo,
            List<UUID> tombstones) {
        SweepTally tally = new SweepTally();
        tally.batches = recordBatch ? 1 : 0;
        tally.erased = erased;
        tally.kept = kept;
        tally.byActivity.putAll(byActivity);
        tally.byCategory.putAll(byCategory);
        tally.other.putAll(other);
        tally.tombstones.addAll(tombstones);
        if (dueFrom != null && dueTo != null) {
            tally.covers(dueFrom, dueTo);
        }
        return tally;
    }

    void add(SweepTally batch) {
        batches += batch.batches;
        erased += batch.erased;
        kept += batch.kept;
        otherExpired += batch.otherExpired;
        batch.byActivity.forEach((key, count) -> byActivity.merge(key, count, Long::sum));
        batch.byCategory.forEach((key, count) -> byCategory.merge(key, count, Long::sum));
        batch.other.forEach((key, count) -> other.merge(key, count, Long::sum));
        tombstones.addAll(batch.tombstones);
        if (batch.dueFrom != null && batch.dueTo != null) {
            covers(batch.dueFrom, batch.dueTo);
        }
    }

    private void covers(Instant from, Instant to) {
        if (dueFrom == null || from.isBefore(dueFrom)) {
            dueFrom = from;
        }
        if (dueTo == null || to.isAfter(dueTo)) {
            dueTo = to;
        }
    }

    boolean didAnything() {
        return erased > 0 || kept > 0 || !other.isEmpty();
    }

    /** Whether the batch handled records (rather than data outside the vault). */
    boolean recordBatch() {
        return batches > 0;
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

    List<UUID> tombstones() {
        return tombstones;
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
