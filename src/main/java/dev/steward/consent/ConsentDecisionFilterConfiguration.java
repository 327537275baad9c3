package dev.steward.consent;

import dev.steward.platform.HttpsOnly;
import dev.steward.platform.StewardProperties;
import dev.steward.staff.ApiKeyGate;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the {@link ConsentDecisionFilter} first, for its one address only: ahead of the request observation, the
 * request log and Spring Security, whose work for this call it does itself. (In production mode it leaves plain-http
 * calls to {@link HttpsOnly}.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsentDecisionFilterConfiguration {

    @Bean
    FilterRegistrationBean<ConsentDecisionFilter> consentDecisionFilter(
            ApiKeyGate gate,
            ConsentDecisions decisions,
            JsonMapper json,
            DecisionCounts counts,
            StewardProperties steward) {
        FilterRegistrationBean<ConsentDecisionFilter> registration = new FilterRegistrationBean<>(
                new ConsentDecisionFilter(gate, decisions, json, counts, HttpsOnly.required(steward.publicUrl())));
        registration.addUrlPatterns(ConsentDecisionFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
