package dev.steward.platform;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field of a JSON request body that does not fit the request's shape: a field the request does not have
 * ({@code unknown-field}), one given twice ({@code duplicate-field}), or a value of the wrong type ({@code
 * invalid-type}). Paths are written as elsewhere in the API: {@code changes.firstName}, {@code grounds.1}. What is
 * not JSON at all stays {@code malformed-json}.
 */
final class JsonBodyErrors {

    /** Jackson has no type of its own for a duplicate property: its parser says so in this message (jackson-core 3). */
    private static final String DUPLICATE = "Duplicate Object property";

    private JsonBodyErrors() {}

    static FieldError of(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException cause)) {
            return malformed();
        }
        String path = path(cause);
        if (cause instanceof UnrecognizedPropertyException) {
            return FieldError.of(path, "unknown-field", "error.platform.field.unknown-field", path);
        }
        if (cause instanceof MismatchedInputException && !path.isEmpty()) {
            return FieldError.of(path, "invalid-type", "error.platform.field.invalid-type", path);
        }
        if (cause instanceof StreamReadException read
                && cause.getOriginalMessage().startsWith(DUPLICATE)
                && read.processor() != null) {
            // the parser stands on the property given twice, whatever the body's type (a record or a tree)
            String field = JsonText.path(read.processor().streamReadContext());
            return FieldError.of(field, "duplicate-field", "error.platform.field.duplicate-field", field);
        }
        return malformed();
    }

    private static FieldError malformed() {
        return FieldError.of(null, "malformed-json", "error.platform.request.malformed-json");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(step -> step.getPropertyName() != null ? step.getPropertyName() : String.valueOf(step.getIndex()))
                .collect(Collectors.joining("."));
    }
}
