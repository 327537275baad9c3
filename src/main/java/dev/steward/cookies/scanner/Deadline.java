package dev.steward.cookies.scanner;

import java.time.Duration;

/** When a scan, or one of its passes, must be over; measured on the machine's monotonic clock. */
final class Deadline {

    private final long end;

    Deadline(Duration limit) {
        this.end = System.nanoTime() + limit.toNanos();
    }

    private Deadline(long end) {
        this.end = end;
    }

    boolean passed() {
        return System.nanoTime() >= end;
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    /** The earlier of this deadline and one {@code part} from now. */
    Deadline within(Duration part) {
        return new Deadline(Math.min(end, System.nanoTime() + part.toNanos()));
    }

    /** The shorter of {@code bound} and the time left, in milliseconds as Playwright takes them; at least one. */
    double millis(Duration bound) {
        return Math.max(1, Math.min(bound.toMillis(), left().toMillis()));
    }
}
