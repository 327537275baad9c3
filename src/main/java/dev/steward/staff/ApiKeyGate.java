package dev.steward.staff;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The door for calls that present an API key as a bearer token: the key must be live (401 otherwise) and within its
 * rate (429). The security chains pass through it ({@link ApiKeyAuthenticationFilter}); so does a hot path that
 * answers outside them, such as the consent decision, which also asks the {@link Permission} matrix here (403), so
 * that both refuse alike and the matrix stays the only place the rules are written.
 */
@Component
public class ApiKeyGate {

    private static final String BEARER = "Bearer ";

    private final KnownApiKeys keys;
    private final ApiKeyRateLimit rateLimit;
    private final ErrorWords words;

    ApiKeyGate(KnownApiKeys keys, ApiKeyRateLimit rateLimit, ErrorWords words) {
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.words = words;
    }

    /** Whether the request presents a bearer token (of any kind; whether it is a live key is for the gate to say). */
    public static boolean presentsKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * For a path outside the security chains: the caller, if the key is live, within its rate and granted the
     * permission by the matrix. Otherwise the refusal has been answered and there is nothing ({@code null}: no
     * {@code Optional} made for every call of a hot path). Either way the answer
     * carries the {@link SecurityHeaders} and Spring Security's own, as the answers of its chains do. The answer must
     * carry none of those headers yet but perhaps HSTS (they are added, not set).
     */
    public @Nullable Caller admit(HttpServletRequest request, HttpServletResponse response, Permission permission)
            throws IOException {
        SecurityHeaders.addToNew(request, response);
        Optional<ApiKeyPrincipal> principal = authenticate(request, response);
        if (principal.isEmpty()) {
            return null;
        }
        Caller caller = principal.get().caller();
        if (!caller.may(permission)) {
            notPermitted(request, response);
            return null;
        }
        return caller;
    }

    /** The key's principal; or nothing, once the request has been answered with 401 or 429. */
    Optional<ApiKeyPrincipal> authenticate(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String header = request.getHeader("Authorization");
        Optional<ApiKeyPrincipal> principal = keys.authenticate(header, BEARER.length());
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Steward\", error=\"invalid_token\"");
            words.send(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    FieldError.of(null, "invalid-api-key", "error.staff.request.invalid-api-key"));
            return Optional.empty();
        }
        Optional<Duration> wait = rateLimit.admit(principal.get().id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            words.send(
                    request,
                    response,
                    429,
                    FieldError.of(null, "rate-limited", "error.staff.request.rate-limited", seconds));
            return Optional.empty();
        }
        return principal;
    }

    /**
     * No credentials, or wrong ones: 401 with the schemes that are accepted (RFC 9110 §11.6.1), in the error shape.
     * One realm for both, so that a browser asks for a password only when the address takes one.
     */
    void notAuthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.addHeader("WWW-Authenticate", "Basic realm=\"Steward\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"Steward\"");
        words.send(
                request,
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                FieldError.of(null, "not-authenticated", "error.staff.request.not-authenticated"));
    }

    /** A refusal in the JSON APIs' error shape, naming no more than that the caller may not. */
    void notPermitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        words.send(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                FieldError.of(null, "not-permitted", "error.staff.request.not-permitted"));
    }
}
