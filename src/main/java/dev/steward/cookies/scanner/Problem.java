package dev.steward.cookies.scanner;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a scan found: a code for programs and the values it is about, from which {@link ScanWords} writes the
 * sentence in the reader's language at display time; {@code message} is that sentence in English, for the JSON of
 * the API and of the command.
 *
 * @param code what kind of finding it is, e.g. {@code undeclared}, {@code before-consent}
 * @param args the values the sentence is about (keys and numbers, never words); null in reports stored before
 *     findings kept them, which show their stored English message
 */
public record Problem(
        Severity severity,
        String code,
        String message,
        @Nullable List<String> args) {

    public enum Severity {
        /** The site does what the catalog does not allow: the scan fails (exit code 1). */
        VIOLATION,
        /** The catalog and the site may have drifted apart; worth a look, not a failure. */
        WARNING,
        /** For the record. */
        NOTE
    }

    static Problem violation(String code, String... args) {
        return new Problem(Severity.VIOLATION, code, "", List.of(args));
    }

    static Problem warning(String code, String... args) {
        return new Problem(Severity.WARNING, code, "", List.of(args));
    }

    static Problem note(String code, String... args) {
        return new Problem(Severity.NOTE, code, "", List.of(args));
    }

    Problem worded(String words) {
        return new Problem(severity, code, words, args);
    }
}
