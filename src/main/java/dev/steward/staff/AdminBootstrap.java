package dev.steward.staff;

import dev.steward.platform.StewardProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates the staff user {@code admin} at first start, with {@code STEWARD_ADMIN_PASSWORD} or a generated password
 * shown once, and on every start has the {@link StartBanner} say where Steward is listening. The password is shown
 * before the new member's row commits: a start killed between the two leaves no administrator, and the next start
 * makes one again, where the other order could leave one whose password nobody saw.
 */
@Component
@Profile("!cli")
class AdminBootstrap implements ApplicationRunner {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final StewardProperties properties;
    private final StartBanner banner;
    private final TransactionOperations transaction;
    private final Clock clock;

    AdminBootstrap(
            StaffUserRepository users,
            PasswordEncoder encoder,
            StewardProperties properties,
            StartBanner banner,
            TransactionOperations transaction,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.banner = banner;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        transaction.executeWithoutResult(status -> banner.announce(firstAdministrator()));
    }

    private StartBanner.SignIn firstAdministrator() {
        StartBanner.SignIn madeBefore = new StartBanner.SignIn(null, false);
        if (!users.isEmpty()) {
            return madeBefore;
        }
        boolean given = properties.adminPassword() != null
                && !properties.adminPassword().isBlank();
        String password = given ? properties.adminPassword() : generated();
        boolean inserted = users.insert(new StaffUser(
                "admin", encoder.encode(password), Set.of(StaffRole.ADMIN), Set.of(), false, 0, null, clock.instant()));
        // a second node starting on the same new database waits here for the first one's row: the password that
        // works is the one the first node showed, so this one shows none
        return inserted ? new StartBanner.SignIn(given ? null : password, given) : madeBefore;
    }

    static String generated() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
