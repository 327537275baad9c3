package dev.steward.mail;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mail goes out. Without an SMTP host, messages are delivered to the dev mailbox only.
 *
 * @param batchSize messages handled per delivery run
 * @param maxAttempts delivery attempts before a message counts as failed
 * @param firstRetry the wait after the first failed attempt; it doubles with every further failure
 * @param maxRetry the longest wait between two attempts
 */
@ConfigurationProperties("steward.mail")
record MailSettings(Smtp smtp, int batchSize, int maxAttempts, Duration firstRetry, Duration maxRetry) {

    /** Waits 1, 2, 4 ... times the first retry after each failed attempt, never longer than the maximum. */
    Duration backoffAfter(int failedAttempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** The {@code STEWARD_SMTP_*} variables. */
    record Smtp(
            @Nullable String host,
            int port,
            @Nullable String user,
            @Nullable String password,
            @Nullable String from) {

        static final String DEFAULT_FROM = "steward@localhost";

        boolean configured() {
            return host != null && !host.isBlank();
        }

        boolean authenticates() {
            return user != null && !user.isBlank();
        }

        String sender() {
            return from == null || from.isBlank() ? DEFAULT_FROM : from;
        }
    }
}
