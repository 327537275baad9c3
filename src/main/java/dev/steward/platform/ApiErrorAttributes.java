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
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", null);
        error.put("code", code(status));
        error.put("message", message(status));
        return Map.of("errors", List.of(error));
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

    private static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the format asked for.";
            default ->
                status.is4xxClientError()
                        ? "The request cannot be taken as it is."
                        : "Steward could not answer; the failure is logged without the request's data.";
        };
    }
}
