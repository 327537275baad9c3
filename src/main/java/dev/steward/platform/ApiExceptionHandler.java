package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the JSON API's failures into specific, field-level answers in the caller's language. Messages name fields and
 * rules, never the values submitted.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private final ErrorWords words;

    ApiExceptionHandler(ErrorWords words) {
        this.words = words;
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> invalid(InvalidInputException e, HttpServletRequest request) {
        return words.answer(HttpStatus.UNPROCESSABLE_CONTENT, e.errors(), request);
    }

    /** Where a thing was not found is said in English; other languages read that nothing is there for them. */
    @ExceptionHandler
    ResponseEntity<ApiErrors> notFound(NotFoundException e, HttpServletRequest request) {
        return words.answer(HttpStatus.NOT_FOUND, NotFoundException.error(e), request);
    }

    /** Not JSON: 400; JSON whose named field does not fit the request: 422, as the request's other field errors. */
    @ExceptionHandler
    ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        FieldError error = JsonBodyErrors.of(e);
        HttpStatus status = error.field() == null ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        return words.answer(status, error, request);
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String name = e.getParameterName();
        return words.answer(
                HttpStatus.BAD_REQUEST,
                List.of(FieldError.of(name, "required", "error.common.field.required", name)),
                request);
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return words.answer(
                HttpStatus.BAD_REQUEST,
                FieldError.of(e.getName(), "invalid", "error.platform.field.invalid", e.getName()),
                request);
    }
}
