package dev.steward.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Token buckets refilled over a window, in memory on one node, for limits on how often a sender does something:
 * every attempt counts, refused or not. They are keyed by hashes (of an IP address's sender, of an address's blind
 * index), so not even memory holds the addresses themselves.
 */
public final class SenderBuckets {

    private final Duration window;
    private final Cache<String, Bucket> buckets;

    public SenderBuckets(Duration window) {
        this.window = window;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window)
                .maximumSize(1_000_000)
                .build();
    }

    /** The key of an IP address's sender (an IPv6 address's /64, which one subscriber holds whole). */
    public static String ipAddress(String ipAddress) {
        return "ip:" + hex(Sha256.digest(IpAddresses.sender(ipAddress).getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of something already hashed, such as a blind index, under a name of its kind. */
    public static String hashed(String kind, byte[] hash) {
        return kind + ":" + hex(hash);
    }

    /** Takes one from the key's bucket of the capacity; answers how long to wait when it is empty. */
    public Optional<Duration> take(String key, int capacity) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
