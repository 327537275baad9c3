package dev.steward.staff;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member changes their own password. The current one is asked, so that a session left open cannot be turned into a
 * lasting takeover; a wrong one counts towards the sign-in lockout. Every session of the member then ends, this one
 * included: they sign in again with the new password, and every browser they signed in from is trusted no more.
 */
@Service
class OwnPassword {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final StaffDevices devices;
    private final AuditTrail audit;

    OwnPassword(
            StaffUserRepository users,
            PasswordEncoder encoder,
            StaffAccounts accounts,
            StaffSessions sessions,
            StaffDevices devices,
            AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.accounts = accounts;
        this.sessions = sessions;
        this.devices = devices;
        this.audit = audit;
    }

    /** The form as posted; the passwords are never shown again. */
    record Change(
            @Nullable String current,
            @Nullable String password,
            @Nullable String repeated) {}

    @Transactional(noRollbackFor = InvalidInputException.class)
    void change(Caller me, Change change) {
        StaffUser user = users.find(me.name()).orElseThrow(() -> new NotFoundException("There is no such member."));
        if (change.current() == null || !encoder.matches(change.current(), user.passwordHash())) {
            accounts.wrongPassword(me.name());
            throw new InvalidInputException(FieldError.of("current", "wrong", "error.staff.current.wrong"));
        }
        List<FieldError> errors = new ArrayList<>();
        StaffPasswordRules.check(change.password(), me.name(), errors);
        if (errors.isEmpty() && !change.password().equals(change.repeated())) {
            errors.add(FieldError.of("repeated", "different", "error.staff.repeated.different"));
        }
        if (errors.isEmpty() && encoder.matches(change.password(), user.passwordHash())) {
            errors.add(FieldError.of("password", "unchanged", "error.staff.password.unchanged"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        users.setOwnPassword(user.username(), encoder.encode(change.password()));
        // the browsers the old password signed in from are trusted no more, this one included
        devices.forget(user.username());
        audit.record(new AuditEntry(me.name(), "change-own-password", null, null, List.of("password"), null));
        sessions.changed(me.name());
    }
}
