package dev.steward.cookies.scanner;

/** A scan cannot start now: this server is running one, or the site is being scanned already. */
public class ScanBusyException extends RuntimeException {

    ScanBusyException(String message) {
        super(message);
    }
}
