package dev.steward.platform;

import java.util.UUID;

/**
 * A claimed item of an outbound job.
 *
 * @param id the job's own id of the item (a message, a notice, a transfer)
 * @param attempts attempts made before this one, interrupted ones included
 * @param interrupted attempts that had started (marked, {@link StartMarks}) when their node stopped; the first is
 *     retried, a second is not. An item claimed but not started when its node stopped does not count it.
 */
public record OutboundItem(UUID id, int attempts, int interrupted) {

    /** This claim follows an interrupted attempt: what it sends may have gone out already. */
    public boolean resumed() {
        return interrupted > 0;
    }
}
