package dev.steward.accounts;

import dev.steward.platform.StaleForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The visitors' account pages: a door of their own, before the public one (the staff chains come first). A visitor
 * signs in on one site and is signed in on that site only; the sign-in is kept apart from staff sign-ins, pages
 * are CSRF-protected, and the session cookie is HttpOnly, SameSite=Lax and, behind TLS, Secure (application.yml and
 * the forwarded protocol).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AccountSecurityConfiguration {

    static final String[] OPEN = {
        "/s/*/account/login",
        "/s/*/account/reset",
        "/s/*/account/reset/**",
        "/s/*/account/verify/**",
        "/s/*/account/deleted"
    };

    @Bean
    @Order(4)
    SecurityFilterChain visitorAccounts(
            HttpSecurity http, VisitorSessions sessions, StaleForms staleForms, AccountRepository accounts)
            throws Exception {
        return http.securityMatcher("/s/*/account", "/s/*/account/**")
                .securityContext(context -> context.securityContextRepository(sessions.contexts()))
                .csrf(csrf -> csrf.csrfTokenRepository(sessions.csrf()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN)
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> signedInToThisSite(authentication, context, accounts)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> toSignIn(request, response))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                staleForms.handle(request, response, e);
                            } else {
                                toSignIn(request, response);
                            }
                        }))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * A visitor signed in on this site, since its password was last reset. WHY the reset: it may be the owner's answer
     * to someone who had the old password, whose sign-in must not outlast it.
     */
    private static AuthorizationResult signedInToThisSite(
            Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context,
            AccountRepository accounts) {
        Object principal =
                authentication.get() == null ? null : authentication.get().getPrincipal();
        return new AuthorizationDecision(principal instanceof VisitorPrincipal visitor
                && visitor.site().equals(siteOf(context.getRequest()))
                && accounts.signedInSince(visitor.site(), visitor.subject(), visitor.signedInAt()));
    }

    /** Sends the visitor to the site's sign-in, to come back here afterwards. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) {
        String back =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(
                "Location",
                "/s/" + siteOf(request) + "/account/login?continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    static String siteOf(HttpServletRequest request) {
        String[] segments = request.getRequestURI().split("/");
        return segments.length > 2 ? segments[2] : "";
    }
}
