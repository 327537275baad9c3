package dev.steward.staff;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Four doors. The staff API takes HTTP Basic or a staff API key on every request and keeps no session, so no
 * cookie can be abused across sites; the integrators' API takes an integrator key the same way. The console uses a login form, a session that times out and CSRF tokens.
 * Everything else is public, with CSRF protection for its forms; the public JSON API is authenticated per request
 * and uses no cookies, so it needs none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] STAFF_ROLES = {"ADMIN", "PRIVACY_OFFICER", "SUPPORT_AGENT", "AUDITOR"};
    static final String[] INTEGRATOR_OR_STAFF = {"INTEGRATOR", "ADMIN", "PRIVACY_OFFICER", "SUPPORT_AGENT", "AUDITOR"};

    @Bean
    @Order(1)
    SecurityFilterChain staffApi(HttpSecurity http, ApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/api/v1/admin/**"), keys)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(STAFF_ROLES))
                .build();
    }

    /** The integrators' API: an integrator key (scoped to sites) or staff credentials. */
    @Bean
    @Order(2)
    SecurityFilterChain integratorApi(HttpSecurity http, ApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/api/v1/consent-decisions/**", "/api/v1/consent-events/**"), keys)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(INTEGRATOR_OR_STAFF))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ApiKeys keys) throws Exception {
        return http.httpBasic(
                        basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
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
    SecurityFilterChain console(HttpSecurity http, SessionRegistry sessions) throws Exception {
        return http.securityMatcher("/admin/**", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login")
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(STAFF_ROLES))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", true))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
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
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(withDefaults())
                .build();
    }
}
