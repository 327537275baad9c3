package dev.steward.staff;

import com.github.benmanes.caffeine.cache.Cache;
import dev.steward.platform.HotCaches;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

    /** Made once: a method reference to this object written at the call would be a new object on every call. */
    private final Function<UUID, Bucket> newBucket = this::newBucket;

    ApiKeyRateLimit(ApiKeySettings settings) {
        this.settings = settings;
    }

    /** Takes one call from the key's bucket; answers how long to wait when it is empty. */
    Optional<Duration> admit(UUID key) {
        Bucket bucket = buckets.get(key, newBucket);
        // WHY not tryConsumeAndReturnRemaining: its probe is one more object on every admitted call; a refused call,
        // rare, asks for the wait afterwards (nothing is taken by asking)
        if (bucket.tryConsume(1)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private Bucket newBucket(UUID ignored) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.requestsPerSecond())
                        .refillGreedy(settings.requestsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
