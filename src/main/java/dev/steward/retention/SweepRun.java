package dev.steward.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of the retention sweep, as its batches record it.
 *
 * @param sweptUntil records due up to this instant were the run's to erase
 */
record SweepRun(UUID id, String initiator, Instant sweptUntil, Instant startedAt) {

    /**
     * The cluster lock a run holds while it is alive. A node killed mid-run loses its connection and with it the
     * lock, which is how the next sweep or start tells a run that died from one still going on another node.
     */
    String lock() {
        return lock(id);
    }

    static String lock(UUID run) {
        return "sweep-run:" + run;
    }
}
