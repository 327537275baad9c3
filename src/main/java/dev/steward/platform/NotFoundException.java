package dev.steward.platform;

/** Something addressed by the request does not exist, or the caller may not know that it does. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /**
     * The JSON API's error for it. The message of a not-found names what was looked for in English; the other
     * languages say in their own words that nothing is there for the caller.
     */
    public static FieldError error(NotFoundException e) {
        return FieldError.of(null, "not-found", "error.platform.not-found", e.getMessage());
    }
}
