package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to their account in this browser, for pages outside the account area such as the privacy center:
 * a visitor who typed their password within the site's re-authentication period needs no further proof of identity
 * (seed 000 §4).
 */
@Component
public class SignedInVisitors {

    private final Catalogs catalogs;
    private final AccountRepository accounts;
    private final Clock clock;

    SignedInVisitors(Catalogs catalogs, AccountRepository accounts, Clock clock) {
        this.catalogs = catalogs;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A signed-in account holder; {@code recentPassword} when they typed it within the site's period. */
    public record SignedIn(SubjectId subject, boolean recentPassword) {}

    public Optional<SignedIn> on(String site, HttpServletRequest request) {
        return principal(request)
                .filter(visitor -> visitor.site().equals(site))
                // a sign-in from before the password's last reset ended with it
                .filter(visitor -> accounts.signedInSince(site, visitor.subject(), visitor.signedInAt()))
                .map(visitor -> new SignedIn(visitor.subject(), recent(visitor)));
    }

    private boolean recent(VisitorPrincipal visitor) {
        return AccountPolicy.of(catalogs.requireSite(visitor.site())).recent(visitor.passwordAt(), clock.instant());
    }

    /** Read from the session directly: these pages are outside the account area's security chain. */
    private static Optional<VisitorPrincipal> principal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(VisitorSessions.CONTEXT_KEY);
        Authentication authentication =
                context instanceof SecurityContext security ? security.getAuthentication() : null;
        return authentication != null && authentication.getPrincipal() instanceof VisitorPrincipal visitor
                ? Optional.of(visitor)
                : Optional.empty();
    }
}
