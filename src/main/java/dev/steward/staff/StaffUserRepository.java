package dev.steward.staff;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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

    boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single() == 0;
    }

    void insert(StaffUser user) {
        jdbc.sql("""
                        INSERT INTO staff_user (username, password_hash, roles, sites, created_at)
                        VALUES (:username, :hash, :roles, :sites, :createdAt)
                        ON CONFLICT (username) DO NOTHING
                        """)
                .param("username", user.username())
                .param("hash", user.passwordHash())
                .param("roles", user.roles().stream().map(Enum::name).toArray(String[]::new))
                .param("sites", user.sites().toArray(String[]::new))
                .param("createdAt", user.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    void recordFailure(String username, int lockAfter, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE staff_user SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :until ELSE locked_until END
                        WHERE username = :username
                        """)
                .param("username", username)
                .param("lockAfter", lockAfter)
                .param("until", lockUntil.atOffset(ZoneOffset.UTC))
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
