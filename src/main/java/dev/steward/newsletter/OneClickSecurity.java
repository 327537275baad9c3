package dev.steward.newsletter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The one-click unsubscribe (RFC 8058) is a POST from a mail program: no cookie, no session, no CSRF token, only the
 * link's unguessable token, which authenticates it. This chain exempts exactly that request (POST to the link itself)
 * from CSRF and sessions; the unsubscribe page's own button posts elsewhere and stays CSRF-protected.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OneClickSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain oneClickUnsubscribe(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/s/{site}/unsubscribe/{token}"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .build();
    }
}
