package dev.steward.platform;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for a long command (done of total, percentage, elapsed and remaining time, rate once known). On a terminal it
 * redraws one line; written to a file or a pipe it prints a plain line every few seconds instead, so logs stay
 * readable. Closing it prints the final state.
 */
public final class Progress implements AutoCloseable {

    private static final int TERMINAL_REDRAW_MILLIS = 200;
    private static final int LOG_LINE_MILLIS = 5_000;
    private static final int LOG_LINE_WIDTH = 120;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean unknownTotal;
    private final long started = System.nanoTime();

    private Progress(ProgressBar bar, PrintWriter err, boolean terminal, boolean unknownTotal) {
        this.bar = bar;
        this.err = err;
        this.terminal = terminal;
        this.unknownTotal = unknownTotal;
    }

    /**
     * @param total the steps the job will take, or {@code -1} when unknown (the bar then shows only the count)
     * @param unit what is shown, in the plural ({@code "rows"}, {@code "MB"})
     * @param unitSize how many steps make one unit shown (1 for rows, 1,000,000 for bytes shown as MB)
     */
    static Progress on(PrintWriter err, boolean terminal, String task, long total, String unit, long unitSize) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total);
        if (terminal) {
            builder.setRenderer(new ProgressLine(ProgressBarStyle.COLORFUL_UNICODE_BLOCK, " " + unit, unitSize))
                    .setUpdateIntervalMillis(TERMINAL_REDRAW_MILLIS)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print('\r' + line);
                        err.flush();
                    }));
        } else {
            builder.setRenderer(new ProgressLine(ProgressBarStyle.ASCII, " " + unit, unitSize))
                    .setUpdateIntervalMillis(LOG_LINE_MILLIS)
                    .setConsumer(new DelegatingProgressBarConsumer(err::println, LOG_LINE_WIDTH));
        }
        return new Progress(builder.build(), err, terminal, total < 0);
    }

    public void advance(long steps) {
        bar.stepBy(steps);
    }

    public void stepTo(long done) {
        bar.stepTo(done);
    }

    public double seconds() {
        return Duration.ofNanos(System.nanoTime() - started).toNanos() / 1e9;
    }

    public double perSecond() {
        return bar.getCurrent() / Math.max(seconds(), 1e-9);
    }

    /** The final state; a job of unknown size ends at 100 % of what it did. */
    @Override
    public void close() {
        if (unknownTotal) {
            bar.maxHint(bar.getCurrent());
        }
        bar.close();
        if (terminal) {
            err.println();
        }
    }
}
