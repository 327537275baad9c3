package dev.steward.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code steward.mail.messages} counts what this node queued, sent, held, dropped and failed, per kind;
 * {@code steward.mail.backlog} gauges what waits or is held over all nodes. Tags are kinds and statuses only.
 */
@Component
class MailMetrics {

    private static final List<MailStatus> BACKLOG = List.of(MailStatus.QUEUED, MailStatus.HELD);

    private final MeterRegistry registry;
    private final Map<MailKind, Map<MailStatus, AtomicLong>> backlog = new EnumMap<>(MailKind.class);

    /**
     * The counters once registered, as the registry would answer them: looking one up by name and tags was a few per
     * cent of a campaign's CPU, once a message. Registered at first use, as before, so that no series shows before.
     */
    private final Map<Counted, Counter> counters = new ConcurrentHashMap<>();

    private record Counted(MailKind kind, MailStatus status) {}

    MailMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (MailKind kind : MailKind.values()) {
            Map<MailStatus, AtomicLong> ofKind = new EnumMap<>(MailStatus.class);
            for (MailStatus status : BACKLOG) {
                AtomicLong value = new AtomicLong();
                ofKind.put(status, value);
                Gauge.builder("steward.mail.backlog", value, AtomicLong::get)
                        .description("Messages waiting to be sent or held, over all nodes")
                        .tag("kind", kind.key())
                        .tag("status", status.key())
                        .register(registry);
            }
            backlog.put(kind, ofKind);
        }
    }

    void counted(MailKind kind, MailStatus status) {
        counters.computeIfAbsent(
                        new Counted(kind, status),
                        key -> registry.counter("steward.mail.messages", "kind", kind.key(), "status", status.key()))
                .increment();
    }

    void backlog(Map<MailKind, Map<MailStatus, Long>> counts) {
        backlog.forEach((kind, statuses) -> statuses.forEach(
                (status, value) -> value.set(counts.getOrDefault(kind, Map.of()).getOrDefault(status, 0L))));
    }
}
