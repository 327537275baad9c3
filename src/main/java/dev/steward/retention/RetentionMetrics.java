package dev.steward.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code steward.retention.records.erased} counts records this node's sweeps erased, per site and activity;
 * {@code steward.retention.records.kept} those kept for a statutory minimum; {@code steward.retention.expired} other
 * data expired (request-log IP addresses); {@code steward.retention.batches} the batches. The gauges
 * {@code steward.retention.sweep.running} and {@code steward.retention.sweep.erased} show the current (or last) run.
 * Tags are catalog keys only.
 */
@Component
class RetentionMetrics {

    private final MeterRegistry registry;
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong runErased = new AtomicLong();

    RetentionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("steward.retention.sweep.running", running, AtomicLong::get)
                .description("Whether a retention sweep runs on this node (1) or not (0)")
                .register(registry);
        Gauge.builder("steward.retention.sweep.erased", runErased, AtomicLong::get)
                .description("Records erased so far by the current, or else the last, sweep of this node")
                .register(registry);
        // unlabelled counters exist from the start, so that a scrape shows 0 rather than nothing before a sweep;
        // the labelled ones appear with their first site, activity or kind of data
        registry.counter("steward.retention.batches");
        registry.counter("steward.retention.records.kept");
    }

    void started() {
        running.set(1);
        runErased.set(0);
    }

    void finished() {
        running.set(0);
    }

    void batch(SweepProgress progress) {
        registry.counter("steward.retention.batches").increment();
        runErased.set(progress.erased());
    }

    void erased(String site, String activity, long records) {
        registry.counter("steward.retention.records.erased", "site", site, "activity", activity)
                .increment(records);
    }

    void kept(long records) {
        registry.counter("steward.retention.records.kept").increment(records);
    }

    void expired(String what, long count) {
        registry.counter("steward.retention.expired", "what", what).increment(count);
    }
}
