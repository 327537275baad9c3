package dev.steward.staff;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member changes their own password. The current one is asked, so that a session left open cannot be turned into a
 * lasting takeover; a wrong one counts towards the sign-in lockout. Every session of the member then ends, this one
 * included: they sign in again with the new password, and every browser they signed in from is trusted no more but
 * the one they changed it in.
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

    /**
     * The code of the refusal of a wrong current password that left the member locked: the session that typed it ends
     * ({@link OwnPasswordController}). WHY: the lock stops sign-ins only, and this form checked the current password
     * whatever the lock, so an unattended session could be guessed into a takeover without end; now it gets at most
     * the lockout's count of guesses, one if the member is locked already, and then has to sign in, which the lock
     * refuses.
     */
    static final String LOCKED = "locked";

    /**
     * Sets the member's new password; answers the device cookie of the browser it was set in ({@link StaffDevices}),
     * the one browser trusted after it. WHY that one: the member proved their password there, as at a sign-in, and
     * without it a stranger who keeps guessing would lock them out again the moment the change lifted the lock.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    String change(Caller me, Change change) {
        StaffUser user = users.find(me.name()).orElseThrow(() -> new NotFoundException("There is no such member."));
        if (change.current() == null || !encoder.matches(change.current(), user.passwordHash())) {
            boolean locked = accounts.wrongPassword(me.name());
            throw new InvalidInputException(
                    FieldError.of("current", locked ? LOCKED : "wrong", "error.staff.current.wrong"));
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
        if (!users.setOwnPassword(user.username(), user.passwordHash(), encoder.encode(change.password()))) {
            // an administrator set a new password after the current one was checked: it is not current any more
            throw new InvalidInputException(FieldError.of("current", "wrong", "error.staff.current.wrong"));
        }
        // the browsers the old password signed in from are trusted no more; this one is, with a new cookie
        devices.forget(user.username());
        audit.record(new AuditEntry(me.name(), "change-own-password", null, null, List.of("password"), null));
        sessions.changed(me.name());
        return devices.trust(user.username(), Optional.empty());
    }
}
