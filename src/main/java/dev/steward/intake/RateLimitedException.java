package dev.steward.intake;

import dev.steward.platform.FieldError;
import java.time.Duration;

/** The sender submitted too often; nothing was checked or stored. Answered with 429 and when to try again. */
class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super("Too many submissions from one sender");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as a Retry-After header gives them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    FieldError error() {
        long minutes = Math.max(1, (retryAfterSeconds() + 59) / 60);
        return FieldError.of(null, "rate-limited", "error.intake.request.rate-limited", minutes);
    }
}
