package dev.steward.consent;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.HttpsOnly;
import dev.steward.platform.StewardProperties;
import dev.steward.staff.ApiKeyGate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the {@link ConsentDecisionValve} in the context's pipeline, so that it sees its one address before any servlet
 * filter: ahead of the request observation, the request log and Spring Security, whose work for this call it does
 * itself. (In production mode it leaves plain-http calls to {@link HttpsOnly}.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsentDecisionValveConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> consentDecisionValve(
            ApiKeyGate gate,
            ConsentDecisions decisions,
            JsonMapper json,
            DecisionCounts counts,
            StewardProperties steward,
            ErrorWords words,
            Environment environment) {
        return factory -> factory.addContextValves(new ConsentDecisionValve(
                gate,
                decisions,
                json,
                counts,
                HttpsOnly.required(steward.publicUrl()),
                words,
                DecisionConnector.addTo(factory, environment)));
    }
}
