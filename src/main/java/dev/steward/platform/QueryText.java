package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 *
 * <p>A query that cannot be decoded (a {@code %} without two hexadecimal digits, bytes that are not UTF-8) is refused
 * here too, 400 {@code invalid-encoding}. WHY: Tomcat throws when a handler first reads such a parameter, and the
 * failure was logged as an ERROR with the parameter's value quoted (attack16): anyone could write what they liked
 * into the log, an e-mail address in a broken link included.
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
        Optional<String> undecodable = query == null ? Optional.empty() : undecodable(query);
        if (undecodable.isPresent()) {
            refuse(request, response, 400, undecodable.get(), "invalid-encoding");
            return;
        }
        Optional<String> refused = query == null ? Optional.empty() : withNul(query);
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, 422, refused.get(), "invalid-text");
        }
    }

    /** The API's error on the parameter (none when its very name is refused), the page for a bad request elsewhere. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String name, String code)
            throws IOException {
        if (ErrorAnswers.answersInJson(request.getRequestURI())) {
            words.send(
                    request,
                    response,
                    status,
                    FieldError.of(name.isEmpty() ? null : name, code, "error.platform.field." + code));
        } else {
            response.sendError(400);
        }
    }

    /**
     * The name of the first parameter whose name or value cannot be decoded as Tomcat decodes it (UTF-8); none if every
     * one can. A name that cannot be decoded is given as {@code ""}.
     */
    static Optional<String> undecodable(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> decodedName = strictlyDecoded(name);
            if (decodedName.isEmpty()) {
                return Optional.of("");
            }
            if (equals >= 0 && strictlyDecoded(pair.substring(equals + 1)).isEmpty()) {
                return decodedName;
            }
        }
        return Optional.empty();
    }

    /** The text, its escapes decoded; empty for a broken escape or bytes that are not UTF-8. */
    private static Optional<String> strictlyDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
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
