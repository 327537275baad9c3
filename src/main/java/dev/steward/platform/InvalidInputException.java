package dev.steward.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that cannot be accepted; nothing was changed. Answered with 422 and the field errors. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.code()).collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The messages by field, for a page that shows each next to its field; errors of the whole request are under
     * {@code "form"}, and several errors of one field are joined.
     */
    public Map<String, String> messagesByField() {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.merge(error.field() == null ? "form" : error.field(), error.message(), (a, b) -> a + " " + b);
        }
        return messages;
    }
}
