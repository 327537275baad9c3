package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query whose parameter holds a NUL ({@code %00}), before anything reads it: 422 {@code invalid-text} naming
 * the parameter where the address answers JSON, the page for a bad request elsewhere. WHY: PostgreSQL's text holds no
 * NUL, so such a value failed as a 500 wherever it reached the database (a search, or the audit entry of a read with
 * its reason), possibly after something else was written. One place for every parameter, as {@link RequestBodyLimits}
 * is for JSON bodies, rather than a check in each controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryText extends OncePerRequestFilter {

    private static final String NUL = "%00";

    private final ErrorWords words;

    QueryText(ErrorWords words) {
        this.words = words;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        Optional<String> refused = query == null ? Optional.empty() : withNul(query);
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
        } else if (ErrorAnswers.answersInJson(request.getRequestURI())) {
            words.send(
                    request,
                    response,
                    422,
                    FieldError.of(
                            refused.get().isEmpty() ? null : refused.get(),
                            "invalid-text",
                            "error.platform.field.invalid-text"));
        } else {
            response.sendError(400);
        }
    }

    /**
     * The name of the first parameter holding a NUL; none if none does. A name that itself holds one (or cannot be
     * read) is not repeated back: it is given as {@code ""}, and the error names no field.
     */
    static Optional<String> withNul(String query) {
        for (String pair : query.split("&")) {
            if (!pair.toUpperCase(Locale.ROOT).contains(NUL)) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            return Optional.of(name.toUpperCase(Locale.ROOT).contains(NUL) ? "" : decoded(name));
        }
        return Optional.empty();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
