package dev.steward.staff;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of staff: roles, and the sites they may act on (none listed means all). A disabled or locked
 * member is refused at sign-in.
 */
record StaffPrincipal(
        String username, String passwordHash, Set<StaffRole> roles, Set<String> sites, boolean locked, boolean disabled)
        implements UserDetails {

    static StaffPrincipal of(StaffUser user, Instant now) {
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(now);
        return new StaffPrincipal(
                user.username(), user.passwordHash(), user.roles(), user.sites(), locked, user.disabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    /** Leaves the password hash out, as the session and any log may hold this principal. */
    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", roles=" + roles + ", sites=" + sites + "]";
    }
}
