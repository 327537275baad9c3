package dev.steward.platform;

import java.util.List;

/**
 * The body of every JSON error answer: {@code {"errors":[{"field":…,"code":…,"message":…}]}}, worded by
 * {@link ErrorWords} in the caller's language.
 */
public record ApiErrors(List<ShownError> errors) {}
