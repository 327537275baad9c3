package dev.steward.staff;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads staff for sign-in and locks an account for a while after repeated wrong passwords. */
@Service
class StaffAccounts implements UserDetailsService {

    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final StaffUserRepository users;
    private final Clock clock;

    StaffAccounts(StaffUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username)
                .map(user -> StaffPrincipal.of(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff member"));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        wrongPassword(event.getAuthentication().getName());
    }

    /** A wrong current password given to change it counts as a failed sign-in, towards the same lockout. */
    void wrongPassword(String username) {
        users.recordFailure(username, LOCK_AFTER_FAILURES, clock.instant().plus(LOCK_FOR));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            users.recordSuccess(principal.username());
        }
    }
}
