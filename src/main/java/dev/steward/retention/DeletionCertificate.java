package dev.steward.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What one retention sweep erased: records per activity and per data category (keys {@code site/activity} and
 * {@code site/category}), what it expired outside the vault, the range of due times it covered, and its place in the
 * certificates' hash chain. Nothing in it is personal.
 *
 * @param sweptUntil records due up to this instant were the run's to erase
 * @param recordsKept records found due but kept for a statutory minimum (their due time was moved to its end)
 * @param run the sweep run it covers (none on certificates issued before runs were named)
 * @param interrupted the run died before it could certify itself (its node was stopped or killed); the certificate
 *     was assembled by a later sweep or start from the batches the run had committed, and {@code finishedAt} is when
 *     the last of them committed
 * @param tombstones the erasure log's tombstones naming every record the certificate covers
 */
record DeletionCertificate(
        UUID id,
        long seq,
        String initiator,
        Instant sweptUntil,
        Instant startedAt,
        Instant finishedAt,
        long elapsedMillis,
        int batches,
        long recordsErased,
        long recordsKept,
        Map<String, Long> byActivity,
        Map<String, Long> byCategory,
        Map<String, Long> otherData,
        @Nullable Instant dueFrom,
        @Nullable Instant dueTo,
        @Nullable UUID run,
        boolean interrupted,
        List<UUID> tombstones,
        String previousHash,
        String hash) {

    /**
     * The certificate as a staff member scoped to some sites may see it: other sites' counts left out, and the
     * tombstones too when some of them are other sites' (a tombstone does not say its site).
     */
    DeletionCertificate onlySites(Predicate<String> maySee) {
        Map<String, Long> activities = filter(byActivity, maySee);
        return new DeletionCertificate(
                id,
                seq,
                initiator,
                sweptUntil,
                startedAt,
                finishedAt,
                elapsedMillis,
                batches,
                recordsErased,
                recordsKept,
                activities,
                filter(byCategory, maySee),
                filter(otherData, maySee),
                dueFrom,
                dueTo,
                run,
                interrupted,
                activities.size() == byActivity.size() ? tombstones : List.of(),
                previousHash,
                hash);
    }

    private static Map<String, Long> filter(Map<String, Long> counts, Predicate<String> maySee) {
        Map<String, Long> kept = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (maySee.test(key.substring(0, Math.max(0, key.indexOf('/'))))) {
                kept.put(key, count);
            }
        });
        return kept;
    }
}
