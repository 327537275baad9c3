package dev.steward.platform;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be accepted; nothing was changed. Answered with 422 and the field errors. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.code()).collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
