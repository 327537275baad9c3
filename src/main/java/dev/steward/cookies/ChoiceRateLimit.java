package dev.steward.cookies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.platform.IpAddresses;
import dev.steward.platform.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A token bucket per IP address (an IPv6 address's /64) for recording cookie choices, in memory on each node, keyed by a hash of the address
 * so that not even memory holds the address itself. Every attempt counts, refused or not.
 */
@Component
class ChoiceRateLimit {

    private final CookieSettings settings;
    private final Cache<String, Bucket> buckets;

    ChoiceRateLimit(CookieSettings settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.window())
                .maximumSize(1_000_000)
                .build();
    }

    /** Takes one choice from the address's bucket; answers how long to wait when it is empty. */
    Optional<Duration> admit(String ipAddress) {
        String key = HexFormat.of()
                .formatHex(Sha256.digest(IpAddresses.sender(ipAddress).getBytes(StandardCharsets.UTF_8)));
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(settings.choicesPerIp())
                                .refillGreedy(settings.choicesPerIp(), settings.window())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
