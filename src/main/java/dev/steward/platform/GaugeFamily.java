package dev.steward.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of one name whose label values come from the data (sites, request types, chains): a combination seen once
 * keeps its gauge and reads 0 once the data no longer has it, so a count that fell to nothing is not left standing.
 * Label values must be catalog keys or Steward's own names, never a person's data.
 */
public final class GaugeFamily {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final List<String> labels;
    private final Map<List<String>, AtomicReference<Double>> values = new ConcurrentHashMap<>();
    private @Nullable String unit;

    public GaugeFamily(MeterRegistry registry, String name, String description, String... labels) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.labels = List.of(labels);
    }

    /** Values in seconds: Prometheus names them {@code …_seconds}. */
    public GaugeFamily inSeconds() {
        this.unit = "seconds";
        return this;
    }

    /** The current values, by label values in the order of the labels. */
    public synchronized void update(Map<List<String>, ? extends Number> current) {
        values.forEach((key, value) -> value.set(0.0));
        current.forEach(
                (key, value) -> values.computeIfAbsent(key, this::register).set(value.doubleValue()));
    }

    private AtomicReference<Double> register(List<String> key) {
        if (key.size() != labels.size()) {
            throw new IllegalArgumentException(name + " takes the labels " + labels + ", not " + key);
        }
        AtomicReference<Double> value = new AtomicReference<>(0.0);
        Gauge.Builder<AtomicReference<Double>> gauge = Gauge.builder(name, value, AtomicReference::get)
                .description(description)
                .baseUnit(unit);
        for (int i = 0; i < labels.size(); i++) {
            gauge.tag(labels.get(i), key.get(i));
        }
        gauge.register(registry);
        return value;
    }
}
