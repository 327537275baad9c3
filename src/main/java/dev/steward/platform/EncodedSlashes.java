package dev.steward.platform;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An encoded slash ({@code %2F}) in a path is refused by Steward, not by Tomcat. WHY: Tomcat refuses it before any
 * application code runs, with its own HTML page, where a caller of {@code /api} is promised the API's error shape.
 * Passed through, the request meets Spring Security's firewall, which refuses it with 400, and that status is then
 * answered as every other one: JSON under {@code /api}, a page elsewhere. Nothing decodes the slash, so it can never
 * reach a path other than the one it was written in.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
