package dev.steward.consent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code steward.consent.decisions{answer}} counts the decisions integrators asked for with an API key: allowed,
 * denied, or refused (a wrong key, a key over its rate or without the permission, a site out of the key's reach, bad
 * parameters). The counters are looked up once: they are counted on every call.
 */
@Component
class DecisionCounts {

    private final Counter allowed;
    private final Counter denied;
    private final Counter refused;

    DecisionCounts(MeterRegistry registry) {
        allowed = registry.counter("steward.consent.decisions", "answer", "allowed");
        denied = registry.counter("steward.consent.decisions", "answer", "denied");
        refused = registry.counter("steward.consent.decisions", "answer", "refused");
    }

    void answered(boolean wasAllowed) {
        (wasAllowed ? allowed : denied).increment();
    }

    void refused() {
        refused.increment();
    }
}
