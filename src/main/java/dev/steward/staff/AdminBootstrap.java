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

/**
 * Creates the staff user {@code admin} at first start, with {@code STEWARD_ADMIN_PASSWORD} or a generated password
 * shown once, and on every start has the {@link StartBanner} say where Steward is listening.
 */
@Component
@Profile("!cli")
class AdminBootstrap implements ApplicationRunner {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final StewardProperties properties;
    private final StartBanner banner;
    private final Clock clock;

    AdminBootstrap(
            StaffUserRepository users,
            PasswordEncoder encoder,
            StewardProperties properties,
            StartBanner banner,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.banner = banner;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        StartBanner.SignIn signIn = new StartBanner.SignIn(null, false);
        if (users.isEmpty()) {
            boolean given = properties.adminPassword() != null
                    && !properties.adminPassword().isBlank();
            String password = given ? properties.adminPassword() : generated();
            users.insert(new StaffUser(
                    "admin",
                    encoder.encode(password),
                    Set.of(StaffRole.ADMIN),
                    Set.of(),
                    false,
                    0,
                    null,
                    clock.instant()));
            signIn = new StartBanner.SignIn(given ? null : password, given);
        }
        banner.announce(signIn);
    }

    static String generated() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
