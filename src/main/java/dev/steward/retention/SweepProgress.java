package dev.steward.retention;

import java.time.Instant;

/**
 * Where a sweep run stands: what it had to be due by, batches done, records erased and kept back by a statutory
 * minimum, other data expired (request-log IP addresses), and the time it has taken so far.
 */
record SweepProgress(
        String initiator,
        Instant sweptUntil,
        int batches,
        long erased,
        long kept,
        long otherExpired,
        long elapsedMillis,
        boolean finished) {

    long perSecond() {
        return elapsedMillis == 0 ? erased * 1000 : erased * 1000 / elapsedMillis;
    }

    String describe() {
        return (finished ? "Sweep finished: " : "Sweeping: ") + batches + " batches, " + erased + " records erased, "
                + kept + " kept for a statutory minimum, " + otherExpired + " other items expired, in "
                + elapsedMillis + " ms (" + perSecond() + " records/s)";
    }
}
