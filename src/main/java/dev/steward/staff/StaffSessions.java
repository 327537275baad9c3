package dev.steward.staff;

import dev.steward.platform.Notifications;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends console sessions that no longer match their member: disabled, given other roles or sites, or a new password.
 * Sessions live in each node's memory, so a change is announced to every node, and each checks the sessions it holds
 * against the database; a node that lost notifications for a while checks them all the same way.
 */
@Component
class StaffSessions {

    private static final String CHANNEL = "steward_staff_sessions";

    private final SessionRegistry registry;
    private final StaffUserRepository users;
    private final Notifications notifications;

    StaffSessions(SessionRegistry registry, StaffUserRepository users, Notifications notifications) {
        this.registry = registry;
        this.users = users;
        this.notifications = notifications;
        notifications.subscribe(CHANNEL, username -> endOutdatedSessions());
    }

    /** Announces a change to the member; their sessions end once it commits. */
    void changed(String username) {
        notifications.send(CHANNEL, username);
    }

    private void endOutdatedSessions() {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof StaffPrincipal staff && outdated(staff)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    private boolean outdated(StaffPrincipal signedIn) {
        Optional<StaffUser> now = users.find(signedIn.username());
        return now.isEmpty()
                || now.get().disabled()
                || !now.get().roles().equals(signedIn.roles())
                || !now.get().sites().equals(signedIn.sites())
                || !Objects.equals(now.get().passwordHash(), signedIn.passwordHash());
    }
}
