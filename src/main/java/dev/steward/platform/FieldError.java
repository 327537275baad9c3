package dev.steward.platform;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a request, tied to the field it concerns. {@code code} is stable for programs
 * ({@code required}, {@code too-long}, {@code undeclared-field}); {@code message} is for people. Neither ever
 * repeats the submitted value, which may be personal data.
 */
public record FieldError(@Nullable String field, String code, String message) {}
