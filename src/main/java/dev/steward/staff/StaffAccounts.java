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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * Signs staff in, on the console's form and with HTTP Basic, and locks a member for a while after repeated wrong
 * passwords. A console sign-in from a browser the member signed in from before ({@link StaffDevices}) is judged by that
 * browser's lock, not the member's, and its wrong passwords count against the browser only: a stranger who knows the
 * user name can lock every other browser, never the member's own browser. HTTP Basic on the staff API is counted and
 * refused per source instead ({@link BasicAttempts}): it neither counts towards the member's lock nor is stopped by it.
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
    private final BasicAttempts basic;
    private final Clock clock;

    StaffAccounts(
            StaffUserRepository users,
            StaffDevices devices,
            BasicAttempts basic,
            PasswordEncoder encoder,
            Clock clock) {
        super(username -> users.find(username)
                .map(user -> StaffPrincipal.of(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff member")));
        this.users = users;
        this.devices = devices;
        this.basic = basic;
        this.clock = clock;
        setPasswordEncoder(encoder);
        // the lock depends on the attempt's browser, which only the check below sees
        setPreAuthenticationChecks(member -> {});
    }

    /**
     * HTTP Basic: a source or member refused for too many wrong passwords is refused before any name is looked up, so
     * the answer tells nothing of the name; every wrong password (an unknown name too) counts for the source.
     */
    @Override
    public Authentication authenticate(Authentication attempt) {
        Optional<String> source = basicSource(attempt);
        if (source.isEmpty()) {
            return super.authenticate(attempt);
        }
        String username = attempt.getName();
        if (basic.refused(source.get(), username)) {
            throw new LockedException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.locked", "User account is locked"));
        }
        try {
            return super.authenticate(attempt);
        } catch (BadCredentialsException e) {
            basic.wrong(source.get(), username);
            throw e;
        }
    }

    /** Where an HTTP Basic attempt came from; nothing for the console's form, whose details name its browser. */
    private static Optional<String> basicSource(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details
                        && !(details instanceof ConsoleSignInDetails)
                ? Optional.ofNullable(details.getRemoteAddress())
                : Optional.empty();
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
        // Basic was judged by its source before (authenticate): the member's lock is the console's
        boolean viaBasic = basicSource(attempt).isPresent();
        if (!viaBasic && browser.map(device -> device.trust().lockedAt(now)).orElse(member.locked())) {
            throw new LockedException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.locked", "User account is locked"));
        }
        if (!member.isEnabled()) {
            throw new DisabledException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.disabled", "User is disabled"));
        }
        if (wrong != null) {
            if (!viaBasic) {
                browser.ifPresentOrElse(
                        device -> devices.wrongPassword(device, LOCK_AFTER_FAILURES, now.plus(LOCK_FOR)),
                        () -> wrongPassword(member.username()));
            }
            throw wrong;
        }
        if (browser.isEmpty() && !viaBasic) {
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
