package dev.steward.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff as listed and shown: never the password hash. Sites empty means every site.
 *
 * @param lockedUntil until when sign-in is refused after repeated wrong passwords, if it is
 * @param signInLink only in the answer to setting a password: the browser link to pass on with it ({@link
 *     StaffDevices#link})
 */
public record StaffMember(
        String username,
        Set<StaffRole> roles,
        Set<String> sites,
        boolean disabled,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String signInLink) {

    /** Roles in their declared order and sites in alphabetical order, so that lists read the same every time. */
    public StaffMember {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        sites = Collections.unmodifiableSet(new TreeSet<>(sites));
    }

    static StaffMember of(StaffUser user, Instant now) {
        Instant locked = user.lockedUntil() != null && user.lockedUntil().isAfter(now) ? user.lockedUntil() : null;
        return new StaffMember(
                user.username(), user.roles(), user.sites(), user.disabled(), locked, user.createdAt(), null);
    }

    StaffMember withSignInLink(String link) {
        return new StaffMember(username, roles, sites, disabled, lockedUntil, createdAt, link);
    }

    /** Whether the {@link Permission} matrix lets the member take the action (on the sites they may see). */
    public boolean may(Permission permission) {
        return permission.grants(roles, sites);
    }

    public boolean maySee(String site) {
        return sites.isEmpty() || sites.contains(site);
    }
}
