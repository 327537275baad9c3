package dev.steward.vault;

import dev.steward.platform.GaugeFamily;
import dev.steward.platform.HashChain;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The evidence chains' health: {@code steward.evidence.chain.intact{chain}} is 1 when this node's last verification
 * found the chain intact and 0 when it found it broken; {@code steward.evidence.verified.timestamp} is when that
 * verification ran (epoch seconds, 0 before the first); {@code steward.evidence.checkpoint.age{chain}} the seconds
 * since the chain's head was last signed. Labels are chain names only.
 */
@Component
class EvidenceMetrics {

    private final Clock clock;
    private final GaugeFamily intact;
    private final GaugeFamily checkpointAge;
    private final AtomicLong verifiedAt = new AtomicLong();

    EvidenceMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.intact = new GaugeFamily(
                registry,
                "steward.evidence.chain.intact",
                "1 when the last verification on this node found the chain intact, 0 when broken",
                "chain");
        this.checkpointAge = new GaugeFamily(
                        registry,
                        "steward.evidence.checkpoint.age",
                        "Seconds since the chain's head was last signed in a checkpoint",
                        "chain")
                .inSeconds();
        Gauge.builder("steward.evidence.verified.timestamp", verifiedAt, AtomicLong::get)
                .description("When this node last verified the evidence chains (epoch seconds; 0: not yet)")
                .baseUnit("seconds")
                .register(registry);
    }

    void verified(List<HashChain.Verification> results) {
        Map<List<String>, Integer> values = new HashMap<>();
        results.forEach(result -> values.put(List.of(result.chain()), result.intact() ? 1 : 0));
        intact.update(values);
        verifiedAt.set(clock.instant().getEpochSecond());
    }

    void signed(Map<String, Instant> lastSigned) {
        Instant now = clock.instant();
        Map<List<String>, Long> ages = new HashMap<>();
        lastSigned.forEach((chain, at) ->
                ages.put(List.of(chain), Math.max(0, Duration.between(at, now).toSeconds())));
        checkpointAge.update(ages);
    }
}
