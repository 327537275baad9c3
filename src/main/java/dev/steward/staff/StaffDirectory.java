package dev.steward.staff;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of staff: administrators add them, give them roles and sites, disable them and set new passwords.
 * Every change is written to the audit trail and ends the member's console sessions, so it takes effect at once.
 * Only an administrator of every site manages staff: one scoped to a site could otherwise make someone an
 * administrator of all of them.
 */
@Service
public class StaffDirectory {

    /** Whoever runs Steward's commands on its database; no user name can be spelled like this one. */
    static final Caller OPERATOR =
            new Caller("operator (command line)", Caller.Kind.STAFF, Set.of(StaffRole.ADMIN), Set.of());

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final StaffInput input;
    private final AuditTrail audit;
    private final StaffSessions sessions;
    private final ApiKeys keys;
    private final StaffDevices devices;
    private final String publicUrl;
    private final Clock clock;

    StaffDirectory(
            StaffUserRepository users,
            PasswordEncoder encoder,
            StaffInput input,
            AuditTrail audit,
            StaffSessions sessions,
            ApiKeys keys,
            StaffDevices devices,
            StewardProperties properties,
            Clock clock) {
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
        this.users = users;
        this.encoder = encoder;
        this.input = input;
        this.audit = audit;
        this.sessions = sessions;
        this.keys = keys;
        this.devices = devices;
        this.clock = clock;
    }

    /** What an administrator enters for a new member; roles and sites as typed, so that each can be checked. */
    record NewMember(
            @Nullable String username,
            @Nullable String password,
            @Nullable List<String> roles,
            @Nullable List<String> sites) {}

    /** What an administrator changes; {@code null} leaves it as it is, and no sites means every site. */
    record Change(
            @Nullable List<String> roles,
            @Nullable List<String> sites,
            @Nullable Boolean disabled,
            @Nullable String password) {}

    public List<StaffMember> all() {
        return users.all().stream().map(this::member).toList();
    }

    public Optional<StaffMember> find(String username) {
        return users.find(username).map(this::member);
    }

    @Transactional
    StaffMember create(NewMember request, Caller by) {
        requireAdministratorOfEverySite(by);
        requireAPerson(by);
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().strip();
        input.checkUsername(username, errors);
        StaffPasswordRules.check(request.password(), username, errors);
        Set<StaffRole> roles = input.roles(request.roles(), errors);
        Set<String> sites = input.sites(request.sites(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StaffUser user = new StaffUser(
                username, encoder.encode(request.password()), roles, sites, false, 0, null, clock.instant());
        if (!users.insert(user)) {
            throw StaffInput.taken();
        }
        record(by, "create-staff", user, List.of("username", "password", "roles", "sites"));
        return member(user).withSignInLink(signInLink(username));
    }

    @Transactional
    StaffMember change(String username, Change change, Caller by) {
        requireAdministratorOfEverySite(by);
        if (!disablesOnly(change)) {
            requireAPerson(by);
        }
        StaffUser current = users.findForChange(username)
                .orElseThrow(() -> new NotFoundException("There is no such staff member."));
        if (change.roles() == null
                && change.sites() == null
                && change.disabled() == null
                && change.password() == null) {
            throw new InvalidInputException(
                    FieldError.of(null, "nothing-to-change", "error.staff.request.nothing-to-change"));
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Set<StaffRole> roles = current.roles();
        if (change.roles() != null) {
            roles = input.roles(change.roles(), errors);
            changed.add("roles");
        }
        Set<String> sites = current.sites();
        if (change.sites() != null) {
            sites = input.sites(change.sites(), errors);
            changed.add("sites");
        }
        boolean disabled = change.disabled() != null ? change.disabled() : current.disabled();
        if (change.disabled() != null) {
            changed.add("disabled");
        }
        if (change.password() != null) {
            StaffPasswordRules.check(change.password(), username, errors);
            changed.add("password");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StaffUser updated = withPassword(
                new StaffUser(
                        username,
                        current.passwordHash(),
                        roles,
                        sites,
                        disabled,
                        current.failedAttempts(),
                        current.lockedUntil(),
                        current.createdAt()),
                change.password());
        keepAnAdministrator(current, updated, change);
        users.update(updated);
        if (change.password() != null) {
            devices.forget(username);
        }
        if (keys.outranked(updated) > 0) {
            changed.add("api-keys");
        }
        record(by, "change-staff", updated, changed);
        sessions.changed(username);
        return change.password() != null ? member(updated).withSignInLink(signInLink(username)) : member(updated);
    }

    /** A password the operator gave on the command line, with the member it is now theirs. */
    record Reset(StaffMember member, String password) {}

    /**
     * Gives an enabled member a generated password as an administrator of every site would, but as the operator on the
     * command line ({@code staff reset-password}), who is named so in the audit trail.
     */
    @Transactional
    Reset resetByOperator(String username) {
        String password = AdminBootstrap.generated();
        return new Reset(change(username, new Change(null, null, null, password), OPERATOR), password);
    }

    /**
     * The browser link an administrator passes on with a password they set: a member who has not signed in since has no
     * browser a stranger's wrong passwords cannot lock ({@link StaffDevices#link}).
     */
    private String signInLink(String username) {
        return publicUrl + "/login?" + StaffDevices.LINK_PARAMETER + "=" + devices.link(username);
    }

    private StaffMember member(StaffUser user) {
        return StaffMember.of(user, clock.instant());
    }

    /**
     * A new password also lifts a lockout: it is how an administrator lets a locked-out member back in. The browsers the
     * old one signed in from are trusted no more ({@link #change}).
     */
    private StaffUser withPassword(StaffUser user, @Nullable String password) {
        if (password == null) {
            return user;
        }
        return new StaffUser(
                user.username(),
                encoder.encode(password),
                user.roles(),
                user.sites(),
                user.disabled(),
                0,
                null,
                user.createdAt());
    }

    private static void requireAdministratorOfEverySite(Caller by) {
        if (!by.may(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("Only an administrator of every site manages staff.");
        }
    }

    /**
     * A member is added, given roles, sites or a password, or enabled again by a member of staff with their password,
     * never by an API key. WHY: what a key does that way outlasts the key and its maker (a member it adds, a password
     * it sets, takes over an account), as a staff key made by a key would ({@code staff-by-key}); a leaked key revoked
     * would leave it behind. Disabling someone gives nobody anything, so a key may do that (an offboarding script).
     */
    private static void requireAPerson(Caller by) {
        if (by.name().startsWith(KnownApiKeys.CALLER_START)) {
            throw new InvalidInputException(FieldError.of(null, "by-key", "error.staff.request.by-key"));
        }
    }

    private static boolean disablesOnly(Change change) {
        return Boolean.TRUE.equals(change.disabled())
                && change.roles() == null
                && change.sites() == null
                && change.password() == null;
    }

    /** Steward must never be left without an enabled administrator of every site: nobody could manage staff. */
    private void keepAnAdministrator(StaffUser before, StaffUser after, Change change) {
        if (!isAdministratorOfEverySite(before)
                || isAdministratorOfEverySite(after)
                || users.otherAdministratorsOfEverySite(before.username()) > 0) {
            return;
        }
        String field = after.disabled() && Boolean.TRUE.equals(change.disabled())
                ? "disabled"
                : !after.roles().contains(StaffRole.ADMIN) ? "roles" : "sites";
        throw new InvalidInputException(
                FieldError.of(field, "last-administrator", "error.staff.field.last-administrator"));
    }

    private static boolean isAdministratorOfEverySite(StaffUser user) {
        return !user.disabled()
                && user.roles().contains(StaffRole.ADMIN)
                && user.sites().isEmpty();
    }

    /**
     * Names what changed and how, in console words each reader sees in their language; a password never appears, only
     * that it was set.
     */
    private void record(Caller by, String action, StaffUser user, List<String> fields) {
        String sites = user.sites().isEmpty()
                ? "console.audit.reason.every-site"
                : String.join(", ", new TreeSet<>(user.sites()));
        String roles = user.roles().stream()
                .sorted(java.util.Comparator.comparing(StaffRole::label))
                .map(role -> "console.role." + role.name())
                .collect(Collectors.joining(","));
        audit.record(AuditEntry.worded(
                by.name(),
                action,
                null,
                null,
                fields,
                "staff-member",
                user.username(),
                roles,
                sites,
                user.disabled() ? "console.audit.reason.disabled" : "console.audit.reason.enabled"));
    }
}
