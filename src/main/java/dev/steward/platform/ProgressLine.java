package dev.steward.platform;

import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress library's own line, except for its rate: the library shows "? rows/s" until a whole second has passed
 * (and so throughout a job shorter than a second); this shows no rate until one is known (something done, a tenth of
 * a second gone), then the rate to the tenth of a second.
 */
final class ProgressLine extends DefaultProgressBarRenderer {

    private static final Duration SHORTEST_MEASURE = Duration.ofMillis(100);

    private final String unit;
    private final long unitSize;
    private final DecimalFormat format = new DecimalFormat("#.0");

    ProgressLine(ProgressBarStyle style, String unit, long unitSize) {
        super(style, unit, unitSize, true, new DecimalFormat("#.0"), ChronoUnit.SECONDS, true, ProgressLine::eta);
        this.unit = unit;
        this.unitSize = unitSize;
    }

    @Override
    protected String speed(ProgressState progress) {
        long done = progress.getCurrent() - progress.getStart();
        Duration elapsed = progress.getElapsedAfterStart();
        if (done <= 0 || elapsed.compareTo(SHORTEST_MEASURE) < 0) {
            return "";
        }
        double perSecond = done / (elapsed.toNanos() / 1e9) / unitSize;
        return format.format(perSecond) + unit + "/s";
    }

    /** The remaining time at the rate so far, as the library's own estimate (which is not public). */
    private static Optional<Duration> eta(ProgressState progress) {
        long done = progress.getCurrent() - progress.getStart();
        if (progress.getMax() <= 0 || progress.isIndefinite() || done <= 0) {
            return Optional.empty();
        }
        double nanosPerStep = (double) progress.getElapsedAfterStart().toNanos() / done;
        return Optional.of(Duration.ofNanos((long) (nanosPerStep * (progress.getMax() - progress.getCurrent()))));
    }
}
