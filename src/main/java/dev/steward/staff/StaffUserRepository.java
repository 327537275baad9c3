package dev.steward.staff;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffUserRepository {

    private static final RowMapper<StaffUser> USER = (rs, row) -> new StaffUser(
            rs.getString("username"),
            rs.getString("password_hash"),
            strings(rs.getArray("roles")).stream().map(StaffRole::valueOf).collect(Collectors.toSet()),
            strings(rs.getArray("sites")),
            rs.getBoolean("disabled"),
            rs.getInt("failed_attempts"),
            instant(rs.getObject("locked_until", OffsetDateTime.class)),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> find(String username) {
        return jdbc.sql("SELECT * FROM staff_user WHERE username = :username")
                .param("username", username)
                .query(USER)
                .optional();
    }

    /**
     * The member as committed, their row locked against a change until the transaction ends: what they may do now,
     * not what their request's sign-in said (see {@link ApiKeys#create}).
     */
    Optional<StaffUser> findLocked(String username) {
        return jdbc.sql("SELECT * FROM staff_user WHERE username = :username FOR SHARE")
                .param("username", username)
                .query(USER)
                .optional();
    }

    /**
     * The member as committed, for an administrator's change: one such change at a time, and the member's row locked
     * until it is written. WHY: a change writes the row back whole ({@link #update}), so one computed from a row that
     * another administrator was changing undid that change (a disabling undone by a password set at the same moment);
     * and a change that could remove an administrator locks the other administrators' rows
     * ({@link #otherAdministratorsOfEverySite}), which two changes of two administrators took in opposite orders.
     */
    Optional<StaffUser> findForChange(String username) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('staff-change', 0))")
                .query()
                .singleRow();
        return jdbc.sql("SELECT * FROM staff_user WHERE username = :username FOR UPDATE")
                .param("username", username)
                .query(USER)
                .optional();
    }

    List<StaffUser> all() {
        return jdbc.sql("SELECT * FROM staff_user ORDER BY username")
                .query(USER)
                .list();
    }

    /**
     * How many enabled administrators of every site there are besides the one named. Locks their rows until the
     * transaction ends, so two administrators cannot disable each other at the same moment and leave none.
     */
    int otherAdministratorsOfEverySite(String username) {
        return jdbc.sql("""
                        SELECT username FROM staff_user
                        WHERE 'ADMIN' = ANY (roles) AND NOT disabled AND cardinality(sites) = 0 AND username <> :username
                        FOR UPDATE
                        """)
                .param("username", username)
                .query(String.class)
                .list()
                .size();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single() == 0;
    }

    /** Inserts the member unless the user name is taken; answers whether it was inserted. */
    boolean insert(StaffUser user) {
        return jdbc.sql("""
                        INSERT INTO staff_user (username, password_hash, roles, sites, disabled, created_at)
                        VALUES (:username, :hash, :roles, :sites, :disabled, :createdAt)
                        ON CONFLICT (username) DO NOTHING
                        """)
                        .param("username", user.username())
                        .param("hash", user.passwordHash())
                        .param("roles", roles(user))
                        .param("sites", user.sites().toArray(String[]::new))
                        .param("disabled", user.disabled())
                        .param("createdAt", user.createdAt().atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** Writes what an administrator may change: roles, sites, the disabled flag, the password and its lockout. */
    void update(StaffUser user) {
        jdbc.sql("""
                        UPDATE staff_user SET password_hash = :hash, roles = :roles, sites = :sites, disabled = :disabled,
                            failed_attempts = :failures, locked_until = :lockedUntil
                        WHERE username = :username
                        """)
                .param("username", user.username())
                .param("hash", user.passwordHash())
                .param("roles", roles(user))
                .param("sites", user.sites().toArray(String[]::new))
                .param("disabled", user.disabled())
                .param("failures", user.failedAttempts())
                .param(
                        "lockedUntil",
                        user.lockedUntil() == null ? null : user.lockedUntil().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Writes a member's own new password, lifting a lockout, and nothing else. WHY not {@link #update}: that writes back
     * the roles, sites and disabled flag as they were read, so a change an administrator committed meanwhile (disabling
     * the member, taking roles or sites away) was undone by the member's own password change. Only over the hash
     * the current password was checked against ({@code current}): a password an administrator set meanwhile stays,
     * and answers false.
     */
    boolean setOwnPassword(String username, String current, String hash) {
        return jdbc.sql("""
                        UPDATE staff_user SET password_hash = :hash, failed_attempts = 0, locked_until = NULL
                        WHERE username = :username AND password_hash = :current
                        """)
                        .param("username", username)
                        .param("current", current)
                        .param("hash", hash)
                        .update()
                == 1;
    }

    /** Counts a wrong password; answers whether the member is locked now. */
    boolean recordFailure(String username, int lockAfter, Instant lockUntil, Instant now) {
        return jdbc.sql("""
                        UPDATE staff_user SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :until ELSE locked_until END
                        WHERE username = :username
                        RETURNING locked_until IS NOT NULL AND locked_until > :now
                        """)
                .param("username", username)
                .param("lockAfter", lockAfter)
                .param("until", lockUntil.atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    private static String[] roles(StaffUser user) {
        return user.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
