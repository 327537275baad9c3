package dev.steward.cookies.scanner;

import dev.steward.platform.FieldError;

/** A scan cannot start now: this server is running one, or the site is being scanned already. */
public class ScanBusyException extends RuntimeException {

    private final String reason;

    /** The reason is a message key. */
    ScanBusyException(String reason) {
        super(reason);
        this.reason = reason;
    }

    FieldError error() {
        return FieldError.of(null, "scan-running", reason);
    }
}
