package dev.steward.platform;

import org.jspecify.annotations.Nullable;

/** A {@link FieldError} worded for its reader: the JSON API's error item, and what a page lists. */
public record ShownError(@Nullable String field, String code, String message) {}
