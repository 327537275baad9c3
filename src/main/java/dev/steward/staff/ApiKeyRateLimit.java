package dev.steward.staff;

import com.github.benmanes.caffeine.cache.Cache;
import dev.steward.platform.HotCaches;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key, in memory on each node: one key's runaway client cannot take a node's capacity from
 * every other caller. Every call counts, refused or not.
 */
@Component
class ApiKeyRateLimit {

    private final ApiKeySettings settings;
    private final Cache<UUID, Bucket> buckets = HotCaches.builder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    ApiKeyRateLimit(ApiKeySettings settings) {
        this.settings = settings;
    }

    /** Takes one call from the key's bucket; answers how long to wait when it is empty. */
    Optional<Duration> admit(UUID key) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(settings.requestsPerSecond())
                                .refillGreedy(settings.requestsPerSecond(), Duration.ofSeconds(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
