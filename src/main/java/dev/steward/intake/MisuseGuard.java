package dev.steward.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.platform.EmailAddresses;
import dev.steward.platform.IpAddresses;
import dev.steward.platform.Sha256;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits how often one sender submits forms, and rights requests and their codes (the rights module shares these
 * buckets, so a sender cannot switch between them to double their allowance): per IP address (an IPv6 address's
 * /64, which one subscriber holds whole) and per e-mail address,
 * each a token bucket refilled over the window. Buckets live in memory on each node and are keyed by a hash of the IP address and by the e-mail
 * address's blind index, so not even memory holds the addresses themselves. Every attempt counts, refused or not.
 */
@Component
public class MisuseGuard {

    private final IntakeSettings.RateLimit limits;
    private final Identities identities;
    private final Cache<String, Bucket> buckets;

    MisuseGuard(IntakeSettings settings, Identities identities) {
        this.limits = settings.rateLimit();
        this.identities = identities;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limits.window())
                .maximumSize(1_000_000)
                .build();
    }

    /** Takes one submission from the sender's buckets; answers how long to wait when one of them is empty. */
    public Optional<Duration> admit(@Nullable String ipAddress, @Nullable Identifier email) {
        if (ipAddress != null) {
            Optional<Duration> wait = take(
                    "ip:" + hex(Sha256.digest(IpAddresses.sender(ipAddress).getBytes(StandardCharsets.UTF_8))),
                    limits.perIp());
            if (wait.isPresent()) {
                return wait;
            }
        }
        if (email != null) {
            // per mailbox, not per spelling: ann+1@… and ann+2@… are one person's mail
            Identifier mailbox = Identifier.email(EmailAddresses.mailbox(email.value()));
            return take("email:" + hex(identities.blindIndexOf(mailbox)), limits.perEmail());
        }
        return Optional.empty();
    }

    private Optional<Duration> take(String key, int capacity) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, limits.window())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
