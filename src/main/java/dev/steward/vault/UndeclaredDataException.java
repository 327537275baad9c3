package dev.steward.vault;

/** Personal data the catalog does not declare for the activity: Steward refuses to store it. */
public class UndeclaredDataException extends RuntimeException {

    public UndeclaredDataException(String message) {
        super(message);
    }
}
