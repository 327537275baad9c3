package dev.steward.staff;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a member of staff (signed in, or a staff API key with roles), an integrator's API key, a metrics
 * scraper's key, or an anonymous visitor. Sites empty means every site; otherwise only those listed.
 */
public record Caller(String name, Kind kind, Set<StaffRole> roles, Set<String> sites) {

    public enum Kind {
        STAFF,
        INTEGRATOR,
        METRICS,
        ANONYMOUS
    }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, Set.of(), Set.of());

    /**
     * The one site-scope check of every list, search and read: whether something of the site is the caller's to
     * see. Something of no particular site (a whole-subject read in the audit trail) concerns every site, so only a
     * caller of every site sees it.
     */
    public boolean maySee(@Nullable String site) {
        return kind != Kind.ANONYMOUS && (sites.isEmpty() || (site != null && sites.contains(site)));
    }

    /** Whether the {@link Permission} matrix lets the caller take the action (on the sites they may see). */
    public boolean may(Permission permission) {
        return permission.grants(this);
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }
}
