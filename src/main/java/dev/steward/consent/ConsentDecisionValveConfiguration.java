package dev.steward.consent;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.HttpsOnly;
import dev.steward.platform.StewardProperties;
import dev.steward.staff.ApiKeyGate;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
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
 * itself. (In production mode it leaves plain-http calls to {@link HttpsOnly}.) With a {@link DecisionConnector}, the
 * {@link DecisionPortValve} at the head of the engine answers that port's requests through the same valve.
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
        boolean httpsOnly = HttpsOnly.required(steward.publicUrl());
        return factory -> {
            ConsentDecisionValve valve = new ConsentDecisionValve(gate, decisions, json, counts, httpsOnly, words);
            factory.addContextValves(valve);
            Connector port = DecisionConnector.addTo(factory, environment);
            if (port != null) {
                // first in the engine, ahead of everything the other ports' requests go through
                List<Valve> engine = new ArrayList<>(factory.getEngineValves());
                engine.add(0, new DecisionPortValve(port, valve, words, httpsOnly));
                factory.setEngineValves(engine);
            }
        };
    }
}
