package dev.steward.platform;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a request, tied to the field it concerns. {@code code} is stable for programs
 * ({@code required}, {@code too-long}, {@code undeclared-field}); {@code message} is for people: a message key with its
 * arguments, worded only where the error is shown, in the reader's language ({@link ErrorWords}). Neither ever repeats
 * the submitted value, which may be personal data.
 */
public record FieldError(@Nullable String field, String code, Phrase message) {

    /** An error worded by the bundles' {@code key}, filled in with the arguments (numbers, days, lists, phrases). */
    public static FieldError of(@Nullable String field, String code, String key, Object... arguments) {
        return new FieldError(field, code, Phrase.of(key, arguments));
    }
}
