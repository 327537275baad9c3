package dev.steward.staff;

import dev.steward.platform.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer stw_…} API keys; a wrong key is refused at once with 401. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyPrincipal> principal =
                keys.authenticate(header.substring(7).strip());
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Steward\", error=\"invalid_token\"");
            ApiErrors.of("invalid-api-key", "The API key is unknown or revoked.")
                    .send(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        // what the key may do is the permission matrix's answer for its caller, not a matter of authorities
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, List.of()));
        chain.doFilter(request, response);
    }
}
