package dev.steward.staff;

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

/** Authenticates {@code Authorization: Bearer stw_…} API keys through the {@link ApiKeyGate}: 401 for a wrong key. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyGate gate;

    ApiKeyAuthenticationFilter(ApiKeyGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiKeyGate.presentsKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyPrincipal> principal = gate.authenticate(request, response);
        if (principal.isEmpty()) {
            return;
        }
        // what the key may do is the permission matrix's answer for its caller, not a matter of authorities
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, List.of()));
        chain.doFilter(request, response);
    }
}
