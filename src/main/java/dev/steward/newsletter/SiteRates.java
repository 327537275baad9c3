package dev.steward.newsletter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The most messages per second a node sends for one site ({@code steward.newsletter.rate-per-second}, per site
 * {@code steward.newsletter.site-rates.SITE}): a token bucket per site in memory, shared by the node's workers, so
 * that a mail provider's limits and a new sending domain's reputation are respected. Each node has its own buckets.
 */
@Component
class SiteRates {

    private final NewsletterSettings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SiteRates(NewsletterSettings settings) {
        this.settings = settings;
    }

    /** Waits for the site's turn to send one message, at most so long; answers false when that is not enough. */
    boolean acquire(String site, Duration atMost) {
        int rate = settings.rateOf(site);
        if (rate <= 0) {
            return true;
        }
        Bucket bucket = buckets.computeIfAbsent(
                site,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(rate)
                                .refillGreedy(rate, Duration.ofSeconds(1))
                                .build())
                        .build());
        if (atMost.isZero() || atMost.isNegative()) {
            // no time left to wait (the lease is nearly over): only a token at hand will do
            return bucket.tryConsume(1);
        }
        try {
            return bucket.asBlocking().tryConsume(1, atMost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
