package dev.steward.platform;

import java.time.Duration;

/** The sender submitted too often; nothing was checked or stored. Answered with 429 and when to try again. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many submissions from one sender");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as a Retry-After header gives them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public FieldError error() {
        long minutes = Math.max(1, (retryAfterSeconds() + 59) / 60);
        return FieldError.of(null, "rate-limited", "error.intake.request.rate-limited", minutes);
    }
}
