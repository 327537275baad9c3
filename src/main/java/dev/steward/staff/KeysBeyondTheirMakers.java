package dev.steward.staff;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On every start, revokes the staff keys whose maker's standing no longer covers them. WHY: a change of standing
 * revokes them as it happens ({@link StaffDirectory}), but a member disabled or narrowed before that rule existed kept
 * their keys, and an upgrade must not leave that access in place; nor a staff key another key made before keys could
 * make none, which has no member to follow ({@link ApiKeys#withoutMaker}). Idempotent, and cheap: staff are few.
 */
@Component
@Profile("!cli")
class KeysBeyondTheirMakers implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(KeysBeyondTheirMakers.class);

    private final StaffUserRepository users;
    private final ApiKeys keys;

    KeysBeyondTheirMakers(StaffUserRepository users, ApiKeys keys) {
        this.users = users;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<StaffUser> members = users.all();
        int revoked = members.stream().mapToInt(keys::outranked).sum()
                + keys.withoutMaker(members.stream().map(StaffUser::username).collect(Collectors.toSet()));
        if (revoked > 0) {
            LOG.warn("Revoked {} staff API key(s) beyond the standing of the member who made them.", revoked);
        }
    }
}
