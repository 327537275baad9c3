package dev.steward.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers of every answer, pages and APIs alike, whichever security chain (or none) serves it, error pages
 * included. The Content-Security-Policy allows scripts, styles, images and fonts from Steward itself only: no inline
 * script, no inline style, no {@code eval}, no plug-ins; forms post only to Steward, and no other site may frame a
 * page (clickjacking). Spring Security's defaults add {@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: DENY}, no caching of authenticated answers and HSTS over HTTPS. Besides: no referrer to
 * other sites, which would otherwise learn the address of a page with a token in it; no camera, microphone,
 * geolocation or payment API; and a browsing context of Steward's own.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        addTo(response);
        chain.doFilter(request, response);
    }

    /**
     * What Spring Security's header filter writes on the answers of its chains (no caching, nosniff, no framing, HSTS
     * over TLS), for an answer given outside them.
     */
    private static final HeaderWriter SECURITY_DEFAULTS = new CompositeHeaderWriter(List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter()));

    /** The headers an answer given outside Spring Security's chains needs: these and Spring Security's own. */
    static void addTo(HttpServletRequest request, HttpServletResponse response) {
        addTo(response);
        SECURITY_DEFAULTS.writeHeaders(request, response);
    }

    private static void addTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** An error page is a page too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
