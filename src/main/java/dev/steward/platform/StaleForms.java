package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A visitor's form refused for its CSRF token. That is rarely an attack: the page stayed open longer than its session,
 * or the session changed under it, as when the first of two presses on an e-mail link proves the address and so
 * gives the browser a new session id ({@code VerifiedAddresses}). Each is answered with what the reader can use: an
 * {@link EmailLinks.Button} goes back to its link's page (303), which shows where things stand now (done, expired, or
 * the button again with a fresh token), so the second of two presses reads "already done"; any other page says that
 * nothing was sent and links the page the form was on (its same-origin referrer), where the default refusal said "go
 * back and try again", which sends the same stale token once more. Addresses that answer data keep their JSON refusal.
 */
@Component
@ConditionalOnWebApplication
public class StaleForms implements AccessDeniedHandler {

    /** The request attribute that makes the error page the stale form's, naming the page to open again if known. */
    static final String AGAIN = "steward.stale-form.again";

    /** The request attribute that makes the error page (or JSON) say the caller's role does not permit it. */
    static final String NOT_PERMITTED = "steward.not-permitted";

    private final ObjectProvider<RequestMappingHandlerMapping> handlers;

    StaleForms(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    /**
     * The console's refusals: one of the permission guard says that the member's role does not permit the page (the
     * default said the request "could not be read"); a console form refused for its token is answered 403 as before.
     */
    public AccessDeniedHandler console() {
        return (request, response, refused) -> {
            if (!(refused instanceof CsrfException)) {
                request.setAttribute(NOT_PERMITTED, Boolean.TRUE);
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        if (!(refused instanceof CsrfException) || ErrorAnswers.answersInJson(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<EmailLinks.Button> button = button(request);
        if (button.isPresent()) {
            EmailLinks.secret(response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, linkPage(request, button.get()));
            return;
        }
        request.setAttribute(AGAIN, formPage(request).orElse(""));
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private static String linkPage(HttpServletRequest request, EmailLinks.Button button) {
        String path = request.getRequestURI();
        if (!button.after().isEmpty() && path.endsWith(button.after())) {
            path = path.substring(0, path.length() - button.after().length());
        }
        return path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /**
     * The page the form was sent from, when the browser said (pages send their address to their own origin only) and
     * it is of this origin; only its path and query are used, so the link cannot lead elsewhere. WHY not a path of two
     * slashes: as a link it names another host ({@code //elsewhere.example/}).
     */
    private static Optional<String> formPage(HttpServletRequest request) {
        String referrer = request.getHeader(HttpHeaders.REFERER);
        if (referrer == null) {
            return Optional.empty();
        }
        try {
            URI from = new URI(referrer);
            boolean sameOrigin = Objects.equals(from.getRawAuthority(), request.getHeader(HttpHeaders.HOST));
            String path = from.getRawPath();
            return sameOrigin && path != null && path.startsWith("/") && !path.startsWith("//")
                    ? Optional.of(path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()))
                    : Optional.empty();
        } catch (java.net.URISyntaxException unreadable) {
            return Optional.empty();
        }
    }

    /** The button of a link Steward mails that the refused request was meant for, if it was. */
    private Optional<EmailLinks.Button> button(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            @Nullable HandlerExecutionChain chain = handlers.getObject().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    ? Optional.ofNullable(method.getMethodAnnotation(EmailLinks.Button.class))
                    : Optional.empty();
        } catch (Exception unmatched) {
            return Optional.empty();
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
