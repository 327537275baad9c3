package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A request from an origin an address does not take (a cookie banner's choice posted from another site) is refused
 * in the API's error shape, in the caller's language. WHY: Spring's own refusal is the plain text "Invalid CORS
 * request", which a program calling the API cannot read as it reads every other refusal. A browser hides the body
 * from the page either way; the status and the refusal stay Spring's.
 *
 * <p>An address that names the origins it takes is for browsers' pages only, and a browser names the page's origin on
 * every POST: one that names none comes from a script, and is refused rather than taken as if from the site. A script
 * can still write the header; this keeps the address's promise for everything that does not pretend to be a browser.
 */
@Configuration(proxyBeanMethods = false)
class CorsRefusals {

    @Bean
    WebMvcRegistrations corsRefusedInTheApisShape(ErrorWords words) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
                mapping.setCorsProcessor(new Refusal(words));
                return mapping;
            }
        };
    }

    /** Spring's CORS checks, with the refusal's body written as the API writes errors. */
    private static final class Refusal extends DefaultCorsProcessor {

        private final ErrorWords words;

        Refusal(ErrorWords words) {
            this.words = words;
        }

        @Override
        public boolean processRequest(
                @Nullable CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (config != null && !"GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.ORIGIN) == null) {
                refuse(request, response, "origin-required");
                return false;
            }
            boolean taken = super.processRequest(config, request, response);
            if (!taken) {
                refuse(request, response, "origin-not-allowed");
            }
            return taken;
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
            words.send(
                    request,
                    response,
                    HttpStatus.FORBIDDEN.value(),
                    FieldError.of(null, code, "error.platform.request." + code));
        }

        /** Only the status: {@link #processRequest} writes the body. */
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
        }
    }
}
