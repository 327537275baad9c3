package dev.steward.weblog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs each request to a site: pages under {@code /s/SITE/}, the site API under {@code /api/v1/sites/SITE}, and API
 * calls naming {@code site=} in their query. Runs before security, so refused requests (misuse) are logged too.
 * Never logs static assets, the actuator, the console or the staff API, nor requests that belong to no site.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestLogFilter extends OncePerRequestFilter {

    private static final List<String> NEVER = List.of(
            "/admin", "/login", "/logout", "/actuator", "/api/v1/admin", "/swagger-ui", "/v3/api-docs", "/webjars");
    private static final Pattern STATIC = Pattern.compile(
            "(?i).*\\.(css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|txt|webmanifest)$");
    private static final Pattern SITE_PAGE = Pattern.compile("^/s/([^/]+)(?:/.*)?$");
    private static final Pattern SITE_API = Pattern.compile("^/api/v1/sites/([^/]+)(?:/.*)?$");
    private static final Pattern SITE_PARAMETER = Pattern.compile("(?:^|&)site=([^&]*)");

    private final RequestLog log;

    RequestLogFilter(RequestLog log) {
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = siteOf(request);
        if (site != null && log.logs(site)) {
            log.record(site, request);
        }
        chain.doFilter(request, response);
    }

    /** The site a request belongs to, if it is one the log may record. Reads the query string, never the body. */
    static @Nullable String siteOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NEVER.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
                || STATIC.matcher(path).matches()) {
            return null;
        }
        var page = SITE_PAGE.matcher(path);
        if (page.matches()) {
            return page.group(1);
        }
        var api = SITE_API.matcher(path);
        if (api.matches()) {
            return api.group(1);
        }
        String query = request.getQueryString();
        if (path.startsWith("/api/") && query != null) {
            var parameter = SITE_PARAMETER.matcher(query);
            if (parameter.find()) {
                return URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
