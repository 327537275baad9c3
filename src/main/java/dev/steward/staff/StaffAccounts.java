package dev.steward.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Signs staff in, on the console's form and with HTTP Basic, and locks a member for a while after repeated wrong
 * passwords. A console sign-in from a browser the member signed in from before ({@link StaffDevices}) is judged by that
 * browser's lock, not the member's, and its wrong passwords count against the browser only: a stranger who knows the
 * user name can lock every other browser and the API, never the member's own browser.
 *
 * <p>WHY here, as Spring's {@link DaoAuthenticationProvider} with every check moved into
 * {@link #additionalAuthenticationChecks}: the lock used to be the loaded member's {@code accountNonLocked}, checked
 * before the password with nothing of the request at hand; the password check is the one step that sees the attempt,
 * whose details carry the form's device cookie ({@link ConsoleSignInDetails}). Spring still costs an unknown user name
 * one password hash, and a locked member's password is still checked before the refusal, so neither timing nor answer
 * tells a wrong password from an unknown name or a lock.
 */
@Service
class StaffAccounts extends DaoAuthenticationProvider {

    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final StaffUserRepository users;
    private final StaffDevices devices;
    private final Clock clock;

    StaffAccounts(StaffUserRepository users, StaffDevices devices, PasswordEncoder encoder, Clock clock) {
        super(username -> users.find(username)
                .map(user -> StaffPrincipal.of(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff member")));
        this.users = users;
        this.devices = devices;
        this.clock = clock;
        setPasswordEncoder(encoder);
        // the lock depends on the attempt's browser, which only the check below sees
        setPreAuthenticationChecks(member -> {});
    }

    /**
     * The password first, whatever comes of it; then the lock of the member's browser if the attempt came from one, else
     * the member's; then the disabled flag. WHY a right password in the member's browser leaves the member's lock
     * alone: it was set off elsewhere, and lifting it would hand whoever set it off a fresh round of guesses each time
     * the member signs in.
     */
    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken attempt) {
        StaffPrincipal member = (StaffPrincipal) user;
        Instant now = clock.instant();
        Optional<StaffDevice> browser =
                ConsoleSignInDetails.deviceOf(attempt).filter(device -> device.speaksFor(member.username(), now));
        BadCredentialsException wrong = null;
        try {
            super.additionalAuthenticationChecks(user, attempt);
        } catch (BadCredentialsException e) {
            wrong = e;
        }
        if (browser.map(device -> device.trust().lockedAt(now)).orElse(member.locked())) {
            throw new LockedException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.locked", "User account is locked"));
        }
        if (!member.isEnabled()) {
            throw new DisabledException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.disabled", "User is disabled"));
        }
        if (wrong != null) {
            browser.ifPresentOrElse(
                    device -> devices.wrongPassword(device, LOCK_AFTER_FAILURES, now.plus(LOCK_FOR)),
                    () -> wrongPassword(member.username()));
            throw wrong;
        }
        if (browser.isEmpty()) {
            users.recordSuccess(member.username());
        }
    }

    /**
     * A wrong current password given to change it counts as a failed sign-in, towards the same lockout; answers whether
     * the member is locked now.
     */
    boolean wrongPassword(String username) {
        Instant now = clock.instant();
        return users.recordFailure(username, LOCK_AFTER_FAILURES, now.plus(LOCK_FOR), now);
    }
}
