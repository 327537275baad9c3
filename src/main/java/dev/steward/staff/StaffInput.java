package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what an administrator typed for a staff member (a username, roles, sites) into values, or adds what is wrong
 * with it to the errors, so that {@link StaffDirectory} answers every mistake of a form at once.
 */
@Component
class StaffInput {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

    /**
     * Names that request histories and the audit trail give to who acted when no member did: a member so named would
     * read as the requester, or as Steward itself.
     */
    static final Set<String> RESERVED = Set.of("requester", "steward");

    private final StaffUserRepository users;
    private final Catalogs catalogs;

    StaffInput(StaffUserRepository users, Catalogs catalogs) {
        this.users = users;
        this.catalogs = catalogs;
    }

    void checkUsername(String username, List<FieldError> errors) {
        if (username.isEmpty()) {
            errors.add(FieldError.of("username", "required", "error.staff.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "invalid", "error.staff.username.invalid"));
        } else if (RESERVED.contains(username)) {
            errors.add(FieldError.of("username", "reserved", "error.staff.username.reserved"));
        } else if (users.find(username).isPresent()) {
            errors.add(taken().errors().get(0));
        }
    }

    Set<StaffRole> roles(@Nullable List<String> names, List<FieldError> errors) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        boolean unknown = false;
        for (String name : names == null ? List.<String>of() : names) {
            Optional<StaffRole> role = role(name);
            role.ifPresent(roles::add);
            unknown |= role.isEmpty();
        }
        if (unknown) {
            errors.add(FieldError.of(
                    "roles", "unknown-role", "error.staff.roles.unknown-role", names(StaffRole.values())));
        } else if (roles.isEmpty()) {
            errors.add(FieldError.of("roles", "required", "error.staff.roles.required.2"));
        }
        return Set.copyOf(roles);
    }

    /** Accepts {@code PRIVACY_OFFICER} as well as {@code privacy-officer}. */
    private static Optional<StaffRole> role(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalised = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    Set<String> sites(@Nullable List<String> keys, List<FieldError> errors) {
        Set<String> sites = new LinkedHashSet<>();
        boolean unknown = false;
        for (String key : keys == null ? List.<String>of() : keys) {
            if (key != null && catalogs.site(key).isPresent()) {
                sites.add(key);
            } else {
                unknown = true;
            }
        }
        if (unknown) {
            errors.add(FieldError.of(
                    "sites",
                    "unknown-site",
                    "error.staff.sites.unknown-site",
                    names(catalogs.sites().stream().map(Site::key).toArray())));
        }
        return Set.copyOf(sites);
    }

    private static String names(Object[] names) {
        return java.util.Arrays.stream(names).map(String::valueOf).collect(Collectors.joining(", "));
    }

    static InvalidInputException taken() {
        return new InvalidInputException(FieldError.of("username", "taken", "error.staff.username.taken"));
    }
}
