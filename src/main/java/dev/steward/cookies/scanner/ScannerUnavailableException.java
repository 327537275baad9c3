package dev.steward.cookies.scanner;

/** The scanner cannot run on this machine (no Chromium, no Node.js, the browser did not start); says what to do. */
public class ScannerUnavailableException extends RuntimeException {

    ScannerUnavailableException(String message) {
        super(message);
    }
}
