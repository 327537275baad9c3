package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Steward's production mode, on whenever its public address is https: personal data is only entered over TLS (seed
 * notices 000 §3 and 002). A request counts as TLS when it arrived over Steward's own TLS or a trusted proxy said so
 * ({@code X-Forwarded-Proto} from {@code STEWARD_TRUSTED_PROXIES} only, which Tomcat has already applied). Over plain
 * http, a page is redirected to the same address on the public URL (a GET or HEAD permanently; anything else with
 * 303, so that what was posted in clear is not accepted and the person fills the form again over TLS), and an API
 * call is refused in the JSON error shape; the public URL's origin is used, never the request's Host, so the redirect
 * cannot be pointed elsewhere. Health and its probes stay reachable over http for orchestrators: they take nothing and
 * tell nothing but the status. Answers over TLS carry HSTS, so a browser never tries http again.
 */
public final class HttpsOnly extends OncePerRequestFilter {

    public static final String HSTS = "max-age=31536000";

    private final String origin;
    private final ErrorWords words;

    HttpsOnly(String publicUrl, ErrorWords words) {
        URI uri = URI.create(publicUrl);
        this.origin = "https://" + uri.getRawAuthority();
        this.words = words;
    }

    /** Whether production mode is on: the public address is https (then this filter runs). */
    public static boolean required(String publicUrl) {
        return publicUrl.startsWith("https:");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
            chain.doFilter(request, response);
        } else if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            words.send(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    FieldError.of(null, "https-required", "error.platform.request.https-required", origin));
        } else {
            boolean reading =
                    request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
            String query = request.getQueryString();
            response.setStatus(reading ? HttpServletResponse.SC_MOVED_PERMANENTLY : HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", origin + request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }
}
