package dev.steward.staff;

import dev.steward.platform.DeviceTrust;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The browsers members signed in to the console from ({@code staff_device}). */
@Repository
class StaffDeviceRepository {

    private static final RowMapper<StaffDevice> DEVICE = (rs, row) ->
            new StaffDevice(rs.getString("id_sha256"), rs.getString("username"), DeviceTrust.read(rs, "expires_at"));

    private final JdbcClient jdbc;

    StaffDeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffDevice> find(String idSha256) {
        return jdbc.sql("SELECT * FROM staff_device WHERE id_sha256 = :id")
                .param("id", idSha256)
                .query(DEVICE)
                .optional();
    }

    /**
     * A browser the member just signed in from. The member keeps their newest {@code kept} browsers and none whose
     * trust is spent: the table cannot grow with sign-ins from private windows.
     */
    void insert(String idSha256, String username, Instant now, Instant expiresAt, int kept) {
        jdbc.sql("""
                        INSERT INTO staff_device (id_sha256, username, expires_at, created_at)
                        VALUES (:id, :username, :expires, :now)
                        """)
                .param("id", idSha256)
                .param("username", username)
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .update();
        jdbc.sql("""
                        DELETE FROM staff_device WHERE username = :username AND (
                            expires_at <= :now OR locked_until <= :now
                            OR id_sha256 NOT IN (SELECT id_sha256 FROM staff_device WHERE username = :username
                                ORDER BY created_at DESC, id_sha256 LIMIT :kept))
                        """)
                .param("username", username)
                .param("now", utc(now))
                .param("kept", kept)
                .update();
    }

    void delete(String idSha256) {
        jdbc.sql("DELETE FROM staff_device WHERE id_sha256 = :id")
                .param("id", idSha256)
                .update();
    }

    /** Counts a wrong password typed in the browser, locking it at the limit. */
    void recordFailure(String idSha256, int lockAfter, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE staff_device SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :until ELSE locked_until END
                        WHERE id_sha256 = :id
                        """)
                .param("id", idSha256)
                .param("lockAfter", lockAfter)
                .param("until", utc(lockUntil))
                .update();
    }

    /** A new password ends the trust of every browser the old one signed in from. */
    void forget(String username) {
        jdbc.sql("DELETE FROM staff_device WHERE username = :username")
                .param("username", username)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
