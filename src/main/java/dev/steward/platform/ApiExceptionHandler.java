package dev.steward.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the JSON API's failures into specific, field-level answers. Messages name fields and rules, never the
 * values submitted.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ApiErrors invalid(InvalidInputException e) {
        return new ApiErrors(e.errors());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiErrors notFound(NotFoundException e) {
        return ApiErrors.of("not-found", e.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiErrors unreadable(HttpMessageNotReadableException e) {
        return ApiErrors.of("malformed-json", "The request body is not JSON of the expected shape.");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiErrors missingParameter(MissingServletRequestParameterException e) {
        return new ApiErrors(java.util.List.of(new FieldError(
                e.getParameterName(), "required", "The query parameter '" + e.getParameterName() + "' is required.")));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiErrors wrongType(MethodArgumentTypeMismatchException e) {
        return new ApiErrors(java.util.List.of(
                new FieldError(e.getName(), "invalid", "The parameter '" + e.getName() + "' has the wrong format.")));
    }
}
