package dev.steward.staff;

import dev.steward.platform.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, for site scoping and for naming the actor in the audit trail. */
@Component
public class CurrentCaller {

    public Caller get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The API key the current request was made with, if it was: what a consent an integrator relayed records as its
     * evidence, since the caller's name is the key's, which staff may give to another key too.
     */
    public Optional<UUID> apiKey() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal key
                ? Optional.of(key.id())
                : Optional.empty();
    }

    static Caller of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Caller.ANONYMOUS;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof StaffPrincipal staff) {
            return new Caller(staff.username(), Caller.Kind.STAFF, staff.roles(), staff.sites());
        }
        if (principal instanceof ApiKeyPrincipal key) {
            return key.caller();
        }
        return Caller.ANONYMOUS;
    }

    /**
     * Fails as "not found" when the caller may not act on the site, so that a scoped caller cannot even learn
     * whether something exists on another site.
     */
    public Caller requireSite(String site) {
        Caller caller = get();
        if (!caller.maySee(site)) {
            throw new NotFoundException("Nothing here for site '" + site + "'.");
        }
        return caller;
    }
}
