package dev.steward.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Deliveries of every outbound job (mail, recipients' webhooks, portability transfers), labelled {@code queue}, since
 * Prometheus keeps {@code job} for its own scrape jobs: {@code steward.outbound.deliveries{queue,outcome}} counts this
 * node's settled attempts ({@code done}, {@code retry}, {@code gave-up}, {@code abandoned});
 * {@code steward.outbound.backlog{queue}} and {@code steward.outbound.backlog.age{queue}} (seconds since the oldest
 * undelivered item was first due, 0 when none is late) describe the shared queue. Labels are job names and outcomes.
 */
@Component
class OutboundMetrics implements ScrapedState {

    private final MeterRegistry registry;
    private final OutboundQueue queue;
    private final Clock clock;
    private final GaugeFamily backlog;
    private final GaugeFamily age;

    /** The counters once registered: a look-up by name and tags, once an item, was a per cent or two of a campaign. */
    private final Map<Delivered, Counter> deliveries = new ConcurrentHashMap<>();

    private record Delivered(String job, OutboundJob.Settlement.Kind outcome) {}

    OutboundMetrics(MeterRegistry registry, OutboundQueue queue, Clock clock) {
        this.registry = registry;
        this.queue = queue;
        this.clock = clock;
        this.backlog = new GaugeFamily(
                registry, "steward.outbound.backlog", "Items waiting to be delivered, over all nodes", "queue");
        this.age = new GaugeFamily(
                        registry,
                        "steward.outbound.backlog.age",
                        "Seconds since the oldest undelivered item was first due, over all nodes",
                        "queue")
                .inSeconds();
    }

    void settled(String job, OutboundJob.Settlement.Kind outcome) {
        if (outcome != OutboundJob.Settlement.Kind.LATER) {
            deliveries
                    .computeIfAbsent(
                            new Delivered(job, outcome),
                            key -> registry.counter(
                                    "steward.outbound.deliveries",
                                    "queue",
                                    job,
                                    "outcome",
                                    outcome.name().toLowerCase().replace('_', '-')))
                    .increment();
        }
    }

    @Override
    public void refresh() {
        Instant now = clock.instant();
        Map<List<String>, Long> items = new HashMap<>();
        Map<List<String>, Long> seconds = new HashMap<>();
        for (OutboundQueue.Backlog job : queue.backlog()) {
            items.put(List.of(job.job()), job.items());
            seconds.put(
                    List.of(job.job()),
                    Math.max(0, Duration.between(job.oldest(), now).toSeconds()));
        }
        backlog.update(items);
        age.update(seconds);
    }
}
