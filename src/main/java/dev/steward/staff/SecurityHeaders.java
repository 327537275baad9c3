package dev.steward.staff;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The headers of every answer, pages and APIs alike. The Content-Security-Policy allows scripts, styles, images and
 * fonts from Steward itself only: no inline script, no inline style, no {@code eval}, no plug-ins; forms post only
 * to Steward, and no other site may frame a page (clickjacking). Besides Spring Security's defaults
 * ({@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, no caching of authenticated answers,
 * HSTS over HTTPS): no referrer to other sites, which would otherwise learn the address of a page with a token in it,
 * no camera, microphone, geolocation or payment API, and a browsing context of Steward's own.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    private SecurityHeaders() {}

    static HttpSecurity on(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .crossOriginOpenerPolicy(
                        coop -> coop.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    }
}
