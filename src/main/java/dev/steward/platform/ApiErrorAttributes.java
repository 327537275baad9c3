package dev.steward.platform;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Failures that no controller answered (an unknown address, a method or content type the address does not take, a
 * crash) reach Spring Boot's error page. Under {@code /api} its body is the JSON API's error shape too, with a code per
 * status and nothing of the request in it; pages keep Boot's attributes for the error page.
 */
@Component
@ConditionalOnWebApplication
class ApiErrorAttributes extends DefaultErrorAttributes {

    private final ErrorWords words;

    ApiErrorAttributes(ErrorWords words) {
        this.words = words;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
        if (!(uri instanceof String path) || !path.startsWith("/api/")) {
            return super.getErrorAttributes(request, options);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        HttpStatus status = code instanceof Integer number
                ? HttpStatus.resolve(number) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(number)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        FieldError failure = failure(status);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", null);
        error.put("code", failure.code());
        error.put("message", words.text(failure, ErrorWords.apiLanguage(request.getHeader("Accept-Language"))));
        return Map.of("errors", List.of(error));
    }

    /** The API's error for a status no controller answered: a code per status, and its words. */
    static FieldError failure(HttpStatus status) {
        return FieldError.of(null, code(status), messageKey(status));
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> status.is4xxClientError() ? "bad-request" : "server-error";
        };
    }

    private static String messageKey(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.platform.status.not-found";
            case METHOD_NOT_ALLOWED -> "error.platform.status.method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "error.platform.status.unsupported-media-type";
            case NOT_ACCEPTABLE -> "error.platform.status.not-acceptable";
            default ->
                status.is4xxClientError() ? "error.platform.status.bad-request" : "error.platform.status.server-error";
        };
    }
}
