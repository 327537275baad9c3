package dev.steward.retention;

import dev.steward.vault.DueCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Personal data kept outside the vault that the retention sweep expires too (the request log's full IP addresses at
 * the end of each visitor's session). Each run of the sweep calls {@link #expire} in batches after the vault's
 * records, counts what it did on the deletion certificate, and shows {@link #dueCounts} in the retention plan.
 */
public interface ExpiringData {

    /**
     * Expires what is due at the instant, at most {@code limit} units, inside the caller's transaction. Nodes
     * sweeping at once must not expire the same unit twice.
     */
    Expired expire(Instant now, int limit);

    /** What falls due when, per site and activity, counted as {@link dev.steward.vault.Vault#dueCounts} does. */
    List<DueCount> dueCounts(List<Instant> bounds);

    /**
     * @param processed units handled; fewer than the limit means nothing more is due
     * @param counts what was done, for the certificate, e.g. {@code "olympus-ims/site-log-files: IP addresses
     *     truncated"}; catalog keys and counts only
     */
    record Expired(long processed, Map<String, Long> counts) {

        public Expired {
            counts = Map.copyOf(counts);
        }
    }
}
