package dev.steward.staff;

import dev.steward.platform.StaleForms;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Five doors. The staff API takes HTTP Basic or a staff API key on every request and keeps no session, so no
 * cookie can be abused across sites, and refuses what a browser sends from another site's page
 * ({@link CrossSiteRequests}), so neither can a password the browser remembers; the integrators' API and the actuator take API keys (and HTTP Basic) the same
 * way. The console uses a login form, a session that times out and CSRF tokens. Everything else is public, with CSRF
 * protection for its forms; the public JSON API is authenticated per request and uses no cookies, so it needs none.
 * The doors only authenticate: what a caller may do is the {@link Permission} matrix's answer, asked by the
 * {@link PermissionGuard} before every handler and here for the actuator. Every answer, whatever its door, carries
 * the {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain staffApi(HttpSecurity http, ApiKeyGate keys, CrossSiteRequests crossSite) throws Exception {
        return stateless(http.securityMatcher(PermissionGuard.STAFF_API + "/**"), keys, crossSite)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /** The integrators' API: the matrix grants its two actions to integrator keys only. */
    @Bean
    @Order(2)
    SecurityFilterChain integratorApi(HttpSecurity http, ApiKeyGate keys, CrossSiteRequests crossSite)
            throws Exception {
        return stateless(
                        http.securityMatcher(PermissionGuard.INTEGRATOR_API.stream()
                                .map(area -> area + "/**")
                                .toArray(String[]::new)),
                        keys,
                        crossSite)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /** Before every chain, so that no answer goes out without the headers. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Health and its probes answer everybody with their status; a caller who presents credentials must hold
     * {@link Permission#READ_HEALTH_DETAILS}, and then sees the details ({@code show-details: when-authorized}) and
     * the build ({@code /actuator/info}). Metrics only for {@link Permission#SCRAPE_METRICS}.
     */
    @Bean
    @Order(5)
    SecurityFilterChain actuator(HttpSecurity http, ApiKeyGate keys, CrossSiteRequests crossSite) throws Exception {
        return stateless(http.securityMatcher("/actuator/**"), keys, crossSite)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .access(permitted(Permission.READ_HEALTH_DETAILS, true))
                        .requestMatchers("/actuator/info")
                        .access(permitted(Permission.READ_HEALTH_DETAILS, false))
                        .requestMatchers("/actuator/prometheus")
                        .access(permitted(Permission.SCRAPE_METRICS, false))
                        .anyRequest()
                        .denyAll())
                .build();
    }

    /** The matrix's answer for the caller, or (where anonymous callers are let in) the absence of a caller. */
    private static AuthorizationManager<RequestAuthorizationContext> permitted(
            Permission permission, boolean anonymousToo) {
        return (authentication, context) -> {
            Caller caller = CurrentCaller.of(authentication.get());
            return new AuthorizationDecision(
                    (anonymousToo && caller.kind() == Caller.Kind.ANONYMOUS) || caller.may(permission));
        };
    }

    private static HttpSecurity stateless(HttpSecurity http, ApiKeyGate keys, CrossSiteRequests crossSite)
            throws Exception {
        return http.httpBasic(basic -> basic.authenticationEntryPoint(keys::notAuthenticated))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), BasicAuthenticationFilter.class)
                // before any credential is looked at: a page of another site gets nothing done with the browser's
                .addFilterBefore(crossSite.filter(), ApiKeyAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(keys::notAuthenticated)
                        .accessDeniedHandler((request, response, refused) -> keys.notPermitted(request, response)))
                .csrf(csrf -> csrf.disable())
                // No session to end and no page to return to after signing in: filters every call would pass through.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable());
    }

    /**
     * Unauthenticated requests go to the sign-in page; one whose session timed out (after
     * {@code server.servlet.session.timeout}) or was ended because the member was changed is told why.
     */
    @Bean
    @Order(3)
    SecurityFilterChain console(
            HttpSecurity http, SessionRegistry sessions, StaffDevices devices, StaleForms staleForms) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toConsole = new SavedRequestAwareAuthenticationSuccessHandler();
        toConsole.setDefaultTargetUrl("/admin");
        toConsole.setAlwaysUseDefaultTargetUrl(true);
        return http.securityMatcher(PermissionGuard.CONSOLE + "/**", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the form's attempts, and only they, bring the browser's device cookie (StaffAccounts); each sign-in
                // gives the browser a new one
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(
                                request -> new ConsoleSignInDetails(request, devices.presented(request)))
                        .successHandler((request, response, signedIn) -> {
                            devices.remember(
                                    signedIn.getName(), ConsoleSignInDetails.deviceOf(signedIn), request, response);
                            toConsole.onAuthenticationSuccess(request, response, signedIn);
                        }))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint())
                        .accessDeniedHandler(staleForms.console()))
                // a framed message's answer allows framing by Steward's pages; every other console answer denies it
                .headers(headers -> headers.frameOptions(options -> options.disable())
                        .addHeaderWriter(SecurityHeaders::denyFramingUnlessSet))
                .sessionManagement(session ->
                        session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?ended"))
                .build();
    }

    /** Sends a request whose session is gone to {@code /login?timeout}, every other one to {@code /login}. */
    static final class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

        SignInEntryPoint() {
            super("/login");
        }

        @Override
        protected String determineUrlToUseForThisRequest(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
            boolean timedOut = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            return timedOut ? "/login?timeout" : "/login";
        }
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain publicSite(HttpSecurity http, StaleForms staleForms) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(staleForms))
                .build();
    }
}
