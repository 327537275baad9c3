package dev.steward.vault;

import java.util.List;
import java.util.UUID;

/**
 * What one sweep batch did: how many due records it claimed, those it erased (by site, activity and retention rule),
 * and how many it kept because their statutory minimum had not passed (their due time moved to its end). Claimed
 * records neither erased nor kept were changed by someone else meanwhile and wait for the next batch.
 *
 * @param tombstones the erasure log's tombstones naming the erased records, one per activity
 * @param noted how many subjects the batch took records of, noted in its transaction for the look at whom the batches
 *     left without records ({@link SweepErasure#eraseLeftWithoutRecords(SweepErasure.Share, int, java.util.Collection,
 *     String)})
 */
public record SweptBatch(int claimed, List<SweptRecords> erased, int kept, List<UUID> tombstones, int noted) {

    /** How many records the batch erased. */
    public int erasedCount() {
        int count = 0;
        for (SweptRecords records : erased) {
            count += records.count();
        }
        return count;
    }
}
