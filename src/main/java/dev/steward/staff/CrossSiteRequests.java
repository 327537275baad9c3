package dev.steward.staff;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.StewardProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff API, the integrators' API and the actuator are for programs and for Steward's own pages (Swagger UI), never
 * for another site's page. WHY: they take HTTP Basic and answer 401 with a Basic challenge, so a member who once opened
 * an address of the staff API in a browser typed their password into the browser's own dialog, and the browser then
 * sends it with every request to Steward until it is closed, including those another site's page makes it send: a
 * form posted as {@code text/plain} needs no CORS preflight and reached every action whose body may be empty (closing a
 * case, fulfilling a request, lifting a restriction, sending a campaign). SameSite cookies do not cover this, as no
 * cookie is involved. A browser names where a request comes from ({@code Sec-Fetch-Site}, and {@code Origin} on every
 * cross-origin request and every POST); one that comes from a page of another origin is refused before anything else,
 * credentials included, is looked at. Programs send neither header and are not affected.
 */
@Component
class CrossSiteRequests {

    /** What a browser says of a request's initiator when it is not Steward's own page or the user's typing. */
    private static final Set<String> FOREIGN = Set.of("cross-site", "same-site");

    private final String publicOrigin;
    private final ErrorWords words;

    CrossSiteRequests(StewardProperties properties, ErrorWords words) {
        this.publicOrigin = origin(URI.create(properties.publicUrl()));
        this.words = words;
    }

    /** The filter that refuses them, for the chains of the APIs that take credentials on every request. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (fromAnotherSite(request)) {
                    words.send(
                            request,
                            response,
                            HttpServletResponse.SC_FORBIDDEN,
                            FieldError.of(null, "cross-site", "error.staff.request.cross-site"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && FOREIGN.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        // the address Steward is published at, or the one this request reached it at (a proxy that keeps the Host)
        return origin != null && !origin.equalsIgnoreCase(publicOrigin) && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return origin(
                URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()));
    }

    /** {@code scheme://host[:port]} as a browser writes an Origin: the scheme's default port left out. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean usual = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
    }
}
