package dev.steward.platform;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows long work on the console: done of total, the percentage and the rate, at most once a second and at the end,
 * so a bulk command never sits silent.
 */
public final class Progress {

    private final PrintStream out;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long shownAt;

    public Progress(PrintStream out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    public synchronized void advance(long count) {
        done += count;
        long now = System.nanoTime();
        if (now - shownAt >= 1_000_000_000L || done >= total) {
            shownAt = now;
            out.println(String.format(
                    Locale.ROOT,
                    "%s: %,d / %,d (%d%%), %,.0f/s",
                    what,
                    done,
                    total,
                    total == 0 ? 100 : done * 100 / total,
                    perSecond()));
        }
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public double perSecond() {
        return done / Math.max(seconds(), 1e-9);
    }
}
