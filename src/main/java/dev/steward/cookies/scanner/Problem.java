package dev.steward.cookies.scanner;

/**
 * Something a scan found, in words for the person who reads the report, with a code for programs.
 *
 * @param code what kind of finding it is, e.g. {@code undeclared}, {@code before-consent}
 */
public record Problem(Severity severity, String code, String message) {

    public enum Severity {
        /** The site does what the catalog does not allow: the scan fails (exit code 1). */
        VIOLATION,
        /** The catalog and the site may have drifted apart; worth a look, not a failure. */
        WARNING,
        /** For the record. */
        NOTE
    }

    static Problem violation(String code, String message) {
        return new Problem(Severity.VIOLATION, code, message);
    }

    static Problem warning(String code, String message) {
        return new Problem(Severity.WARNING, code, message);
    }

    static Problem note(String code, String message) {
        return new Problem(Severity.NOTE, code, message);
    }
}
