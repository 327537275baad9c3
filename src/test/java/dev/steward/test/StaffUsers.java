package dev.steward.test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff members for tests of roles and site scoping: added through the staff API as an administrator does, or
 * written straight into the staff table where a test has no server at hand.
 */
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
                .param("hash", TestPasswords.encoder().encode(PASSWORD))
                .param("roles", new String[] {role})
                .param("sites", site == null ? new String[0] : new String[] {site})
                .param("now", OffsetDateTime.now())
                .update();
        return username;
    }

    /**
     * A new staff member added through the staff API by the administrator, with one role, scoped to one site (or to
     * every site when none is given); their name.
     */
    public static String add(int port, String role, @Nullable String site) {
        String username = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String sites = site == null ? "[]" : "[\"" + site + "\"]";
        HttpResponse<String> created = new Http(port)
                .postJson(
                        "/api/v1/admin/staff",
                        """
                        {"username":"%s","password":"%s","roles":["%s"],"sites":%s}""".formatted(username, PASSWORD, role, sites),
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("The staff API refused the member: " + created.body());
        }
        return username;
    }

    /** The HTTP Basic header of a staff member created here. */
    public static String[] basic(String username) {
        return Http.basic(username, PASSWORD);
    }
}
