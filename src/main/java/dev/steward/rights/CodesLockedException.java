package dev.steward.rights;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;

/**
 * Codes for the request's address are refused for a while ({@link WrongCodes}): the API answers 429 with
 * {@code Retry-After}, the request's page shows the message with the same status.
 */
class CodesLockedException extends InvalidInputException {

    private final long retryAfterSeconds;

    CodesLockedException(FieldError error, long retryAfterSeconds) {
        super(error);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least one, as a {@code Retry-After} header gives them. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
