package dev.steward.platform;

import java.util.List;

/** The body of every JSON error answer: {@code {"errors":[{"field":…,"code":…,"message":…}]}}. */
public record ApiErrors(List<FieldError> errors) {

    public static ApiErrors of(String code, String message) {
        return new ApiErrors(List.of(new FieldError(null, code, message)));
    }
}
