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

    /**
     * A message's HTML framed by a console page ({@link MessageFrames}): its inline styles and nothing else. No script
     * (nor anything else {@code default-src} covers) from anywhere, pictures only as {@code data:}, no form and no base
     * address (neither falls back to {@code default-src}), framed by Steward's pages only, and sandboxed (no origin,
     * no script, no form, no automatic refresh, no navigation of the console) even when opened on its own.
     */
    static final String MESSAGE_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

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
        for (String[] header : OWN) {
            response.setHeader(header[0], header[1]);
        }
    }

    /** Steward's own headers, as {@link #addTo(HttpServletResponse)} sets them. */
    private static final String[][] OWN = {
        {"Content-Security-Policy", CONTENT_SECURITY_POLICY},
        {"Referrer-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
        {"Cross-Origin-Opener-Policy", "same-origin"}
    };

    static final String HSTS = "Strict-Transport-Security";

    /**
     * What {@link #SECURITY_DEFAULTS} writes on an answer that has none of its headers yet, in its order, HSTS apart
     * (over TLS only, between {@code Expires} and {@code X-Frame-Options}). {@code SecurityHeadersOnNewAnswersTest}
     * holds these to what Spring Security's writers write.
     */
    private static final String[][] DEFAULTS_BEFORE_HSTS = {
        {"X-Content-Type-Options", "nosniff"},
        {"X-XSS-Protection", "0"},
        {"Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"},
        {"Pragma", "no-cache"},
        {"Expires", "0"}
    };

    private static final String HSTS_DEFAULT = "max-age=31536000 ; includeSubDomains";
    private static final String[] FRAME_OPTIONS = {"X-Frame-Options", "DENY"};

    /**
     * The same headers as {@link #addTo(HttpServletRequest, HttpServletResponse)}, on an answer that carries none of
     * them yet but perhaps HSTS: added without asking the answer about each first.
     *
     * <p>WHY: Spring Security's writers ask Tomcat's header list whether each header is there before writing it (a
     * scan of the list, names compared ignoring case), and HSTS's writer asks its logger whether tracing is on, for
     * every answer: 7.5 % of a consent decision's CPU (bench/README.md), for an answer on which nothing else has been
     * set yet. HSTS is the one header such an answer may carry already (the decision's own, in production mode), so
     * it alone is asked about.
     */
    static void addToNew(HttpServletRequest request, HttpServletResponse response) {
        for (String[] header : OWN) {
            response.addHeader(header[0], header[1]);
        }
        for (String[] header : DEFAULTS_BEFORE_HSTS) {
            response.addHeader(header[0], header[1]);
        }
        if (request.isSecure() && !response.containsHeader(HSTS)) {
            response.addHeader(HSTS, HSTS_DEFAULT);
        }
        response.addHeader(FRAME_OPTIONS[0], FRAME_OPTIONS[1]);
    }

    /**
     * The headers of a framed message in place of a page's: its own policy, framed by Steward's pages only (the
     * policy's {@code frame-ancestors}, and {@code X-Frame-Options} for browsers without it), kept by no cache (it is
     * decrypted personal data or an unsent draft), no referrer at all from its links. Set before the handler writes, so
     * that Spring Security's writers, which leave a header already there alone, keep them.
     */
    static void forMessageFrame(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", MESSAGE_FRAME_POLICY);
        response.setHeader(FRAME_OPTIONS[0], "SAMEORIGIN");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /**
     * {@code X-Frame-Options: DENY} on a console answer that has none: a framed message sets its own. WHY: Spring
     * Security's writer sets DENY over whatever the handler set.
     */
    static void denyFramingUnlessSet(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(FRAME_OPTIONS[0])) {
            response.setHeader(FRAME_OPTIONS[0], FRAME_OPTIONS[1]);
        }
    }

    /** An error page is a page too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
