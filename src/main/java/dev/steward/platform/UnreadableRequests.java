package dev.steward.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A request Tomcat cannot read (headers beyond its limit, a character HTTP does not allow in the request line) is
 * answered by Steward too: in the API's JSON shape under {@code /api} and when not even the path could be read, with
 * the error page elsewhere. WHY: Tomcat refuses such a request before any servlet runs, so neither Spring's error
 * handling nor the API's answers see it, and it writes the refusal through its host's error report valve, whose page is
 * Tomcat's own HTML. This valve takes that valve's place.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequests {

    /** After Spring Boot's customizer, which puts its own error report valve in the host's pipeline. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadableRequestsAnsweredBySteward(
            ErrorWords words, ITemplateEngine pages) {
        return new Customizer(new Answer(words, pages));
    }

    private record Customizer(Answer answer)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceErrorReports(context.getParent(), answer));
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }

    private static void replaceErrorReports(Container host, Answer answer) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(answer);
        // the host adds a valve of this class when it starts unless one is there already
        ((StandardHost) host).setErrorReportValveClass(Answer.class.getName());
    }

    /** Writes what Tomcat would have written as its own page, once, where nothing else was written. */
    static final class Answer extends ErrorReportValve {

        private final ErrorWords words;
        private final ITemplateEngine pages;

        Answer(ErrorWords words, ITemplateEngine pages) {
            this.words = words;
            this.pages = pages;
        }

        @Override
        protected void report(Request request, Response response, @Nullable Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            FieldError failure = ApiErrorAttributes.failure(known == null ? HttpStatus.BAD_REQUEST : known);
            try {
                String path = request.getRequestURI();
                if (path == null || path.isEmpty() || path.startsWith("/api/")) {
                    words.send(request, response, status, failure);
                } else {
                    page(request, response, status);
                }
            } catch (IOException | RuntimeException e) {
                // the connection is being closed on a request that could not be read: nothing more to tell
            }
        }

        private void page(Request request, HttpServletResponse response, int status) throws IOException {
            Locale language = ErrorWords.apiLanguage(request);
            String kind = status >= 500 ? "server-error" : status == 404 ? "not-found" : "bad-request";
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Language", language.toLanguageTag());
            response.getWriter().write(pages.process("error", new Context(language, Map.of("kind", kind))));
        }
    }
}
