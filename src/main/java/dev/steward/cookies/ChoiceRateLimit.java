package dev.steward.cookies;

import dev.steward.platform.SenderBuckets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A token bucket per IP address's sender for recording cookie choices, in memory on each node. */
@Component
class ChoiceRateLimit {

    private final CookieSettings settings;
    private final SenderBuckets buckets;

    ChoiceRateLimit(CookieSettings settings) {
        this.settings = settings;
        this.buckets = new SenderBuckets(settings.window());
    }

    /** Takes one choice from the address's bucket; answers how long to wait when it is empty. */
    Optional<Duration> admit(String ipAddress) {
        return buckets.take(SenderBuckets.ipAddress(ipAddress), settings.choicesPerIp());
    }
}
