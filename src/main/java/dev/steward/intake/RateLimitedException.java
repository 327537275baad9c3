package dev.steward.intake;

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

    String message() {
        long minutes = Math.max(1, (retryAfterSeconds() + 59) / 60);
        return "Too many submissions from you in a short time. Please try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }
}
