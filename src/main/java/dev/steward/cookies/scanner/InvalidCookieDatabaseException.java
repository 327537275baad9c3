package dev.steward.cookies.scanner;

/** The Open Cookie Database file cannot be used; the message says where, as file:line:column. */
public class InvalidCookieDatabaseException extends RuntimeException {

    InvalidCookieDatabaseException(String message) {
        super(message);
    }
}
