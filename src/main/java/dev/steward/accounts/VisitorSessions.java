package dev.steward.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Where a visitor's sign-in lives: in the session, under a key of its own, so a staff member's sign-in in the same
 * browser is neither replaced nor used for an account page. Signing in or out changes the session id and the CSRF
 * token, so nothing learnt before the sign-in is worth anything after it.
 */
@Component
class VisitorSessions {

    static final String CONTEXT_KEY = "STEWARD_VISITOR_SECURITY_CONTEXT";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();

    VisitorSessions() {
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
    }

    HttpSessionSecurityContextRepository contexts() {
        return contexts;
    }

    CsrfTokenRepository csrf() {
        return csrf;
    }

    void signIn(VisitorPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        freshSession(request, response);
        save(principal, request, response);
    }

    /** The password was typed again: sensitive actions are open for another period. */
    void save(VisitorPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_VISITOR")));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    void signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
        freshSession(request, response);
    }

    Optional<VisitorPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof VisitorPrincipal principal
                ? Optional.of(principal)
                : Optional.empty();
    }

    /** The visitor on a page of the account area, which the account security chain lets no one else reach. */
    VisitorPrincipal signedIn() {
        return current().orElseThrow(() -> new IllegalStateException("The account chain lets only visitors in"));
    }

    private void freshSession(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrf.saveToken(null, request, response);
    }
}
