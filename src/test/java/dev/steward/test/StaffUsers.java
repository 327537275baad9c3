package dev.steward.test;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Staff members for tests of roles and site scoping, written straight into the staff table. */
public final class StaffUsers {

    public static final String PASSWORD = "scoped-staff-password";

    private StaffUsers() {}

    /** A new staff member with one role, scoped to one site (or to every site when none is given); their name. */
    public static String create(JdbcClient jdbc, String role, @Nullable String site) {
        String username =
                role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO staff_user (username, password_hash, roles, sites, created_at)
                        VALUES (:username, :hash, :roles, :sites, :now)
                        """)
                .param("username", username)
                .param(
                        "hash",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(PASSWORD))
                .param("roles", new String[] {role})
                .param("sites", site == null ? new String[0] : new String[] {site})
                .param("now", OffsetDateTime.now())
                .update();
        return username;
    }

    /** The HTTP Basic header of a staff member created here. */
    public static String[] basic(String username) {
        return Http.basic(username, PASSWORD);
    }
}
