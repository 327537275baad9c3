package dev.steward.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What no controller answered (an unknown address, a method or a type an address does not take, a CSRF refusal, a
 * crash): the error page for a reader who asks for HTML on a page, the API's JSON error shape for everyone else. It
 * takes the place of Spring Boot's error controller. WHY: Boot's picks its answer by {@code Accept} alone, so an
 * {@code /api} address asked for {@code text/html} got a page, and for XML an empty body; and a script posting to a
 * visitor page got Boot's own {@code {"timestamp":…,"status":…}}, a shape Steward answers nowhere else.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends AbstractErrorController {

    /** The addresses that answer data, never a page: the API and what sites embed or fetch from a visitor page. */
    private static final Pattern JSON_ADDRESSES =
            Pattern.compile("/api/.*|/s/[^/]+/(privacy\\.json|consent\\.js|consent\\.css)|/\\.well-known/gpc\\.json");

    private final ErrorWords words;

    ErrorAnswers(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers, ErrorWords words) {
        super(attributes, resolvers.orderedStream().toList());
        this.words = words;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = getStatus(request);
        if (answersInJson(request)) {
            words.send(request, response, status.value(), failure(request, status));
            return null;
        }
        Map<String, Object> model = new HashMap<>(getErrorAttributes(request, ErrorAttributeOptions.defaults()));
        if (request.getAttribute(StaleForms.AGAIN) instanceof String page) {
            model.put("kind", "stale");
            model.put("again", page.isEmpty() ? null : page);
        }
        if (notPermitted(request)) {
            model.put("kind", "not-permitted");
            model.put("home", "/admin");
        }
        response.setStatus(status.value());
        ModelAndView page = resolveErrorView(request, response, status, model);
        return page != null ? page : new ModelAndView("error", model);
    }

    @RequestMapping
    ResponseEntity<ApiErrors> data(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        return words.answer(status, List.of(failure(request, status)), request);
    }

    /** The code a refusal of the console's permission guard carries, as the staff API's does; else the status's. */
    private static FieldError failure(HttpServletRequest request, HttpStatus status) {
        return notPermitted(request)
                ? FieldError.of(null, "not-permitted", "error.staff.request.not-permitted")
                : failure(status);
    }

    private static boolean notPermitted(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(StaleForms.NOT_PERMITTED));
    }

    private static boolean answersInJson(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path && answersInJson(path);
    }

    /** Whether the address answers data (its errors in the API's JSON shape) rather than pages. */
    static boolean answersInJson(String path) {
        return JSON_ADDRESSES.matcher(path).matches();
    }

    /** The API's error for a status no controller answered: a code per status, and its words. */
    static FieldError failure(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> FieldError.of(null, "not-found", "error.platform.status.not-found");
            case METHOD_NOT_ALLOWED ->
                FieldError.of(null, "method-not-allowed", "error.platform.status.method-not-allowed");
            case UNSUPPORTED_MEDIA_TYPE ->
                FieldError.of(null, "unsupported-media-type", "error.platform.status.unsupported-media-type");
            case NOT_ACCEPTABLE -> FieldError.of(null, "not-acceptable", "error.platform.status.not-acceptable");
            default ->
                status.is4xxClientError()
                        ? FieldError.of(null, "bad-request", "error.platform.status.bad-request")
                        : FieldError.of(null, "server-error", "error.platform.status.server-error");
        };
    }
}
