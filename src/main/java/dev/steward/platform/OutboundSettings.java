package dev.steward.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one policy every outbound job follows.
 *
 * @param lease how long a claim is a node's own; a node that dies releases its items when this has passed
 * @param firstRetry the pause after the first failed attempt; it doubles with every further failure
 * @param maxRetry the longest pause between two attempts
 * @param maxAttempts attempts before an item is given up
 * @param allowLoopback whether outbound addresses may name {@code localhost} (development and tests only)
 * @param connectTimeout the longest wait for an HTTP receiver to accept the connection
 * @param readTimeout the longest wait for an HTTP receiver between two reads of its answer
 */
@ConfigurationProperties("steward.outbound")
public record OutboundSettings(
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetry,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("PT10S") Duration connectTimeout,
        @DefaultValue("PT30S") Duration readTimeout) {

    /** Waits 1, 2, 4 ... times the first pause after each failed attempt, never longer than the longest. */
    public Duration pauseAfter(int failedAttempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 30));
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }
}
