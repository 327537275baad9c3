package dev.steward.staff;

import java.util.Set;

/**
 * Who is calling: a member of staff, an integrator's API key, or an anonymous visitor. Sites empty means every
 * site; otherwise only those listed.
 */
public record Caller(String name, Kind kind, Set<StaffRole> roles, Set<String> sites) {

    public enum Kind {
        STAFF,
        INTEGRATOR,
        ANONYMOUS
    }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, Set.of(), Set.of());

    public boolean maySee(String site) {
        return kind != Kind.ANONYMOUS && (sites.isEmpty() || sites.contains(site));
    }

    public boolean hasRole(StaffRole role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }
}
