package dev.steward.staff;

import dev.steward.platform.StewardProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the staff user {@code admin} at first start, with {@code STEWARD_ADMIN_PASSWORD} or a generated password
 * printed once to the console, and on every start prints where Steward is listening.
 */
@Component
@Profile("!cli")
class AdminBootstrap implements ApplicationRunner {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final StewardProperties properties;
    private final Environment environment;
    private final Clock clock;

    AdminBootstrap(
            StaffUserRepository users,
            PasswordEncoder encoder,
            StewardProperties properties,
            Environment environment,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String login;
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
            login = given
                    ? "user 'admin' with the password in STEWARD_ADMIN_PASSWORD"
                    : "user 'admin', password '" + password + "' (shown only this once: note it now)";
        } else {
            login = "user 'admin' with the password set at first start";
        }
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        System.out.println("""

                ==============================================================================
                  Steward is running at %s/
                  Staff console: %s/admin
                  Sign in as %s
                ==============================================================================
                """.formatted(url, url, login));
    }

    private static String generated() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
