package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refreshes every {@link ScrapedState} just before {@code /actuator/prometheus} answers. It runs after Spring
 * Security, so only a caller allowed to scrape makes Steward query its database. A refresh that fails (the database
 * away) leaves the last values and is logged; the scrape still answers, and the database's own health says why.
 */
final class ScrapeRefresh extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ScrapeRefresh.class);

    private final List<ScrapedState> states;

    ScrapeRefresh(List<ScrapedState> states) {
        this.states = states;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + "/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (ScrapedState state : states) {
            try {
                state.refresh();
            } catch (RuntimeException e) {
                log.warn("Metrics of {} not refreshed: {}", state.getClass().getSimpleName(), e.toString());
            }
        }
        chain.doFilter(request, response);
    }
}
