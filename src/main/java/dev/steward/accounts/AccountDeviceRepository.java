package dev.steward.accounts;

import static dev.steward.accounts.AccountRepository.utc;

import dev.steward.platform.DeviceTrust;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The browsers accounts signed in from ({@code account_device}); a row ends with its account (foreign key). */
@Repository
class AccountDeviceRepository {

    private static final RowMapper<AccountDevice> DEVICE = (rs, row) -> new AccountDevice(
            rs.getString("id_sha256"),
            rs.getString("site"),
            new SubjectId(rs.getObject("subject_id", UUID.class)),
            DeviceTrust.read(rs, "trusted_until"));

    private final JdbcClient jdbc;

    AccountDeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountDevice> find(String idSha256) {
        return jdbc.sql("SELECT * FROM account_device WHERE id_sha256 = :id")
                .param("id", idSha256)
                .query(DEVICE)
                .optional();
    }

    /**
     * A browser the account just signed in from. The account keeps its newest {@code kept} browsers and none whose
     * trust is spent: the table cannot grow with sign-ins from private windows.
     */
    void insert(String idSha256, String site, SubjectId subject, Instant now, Instant trustedUntil, int kept) {
        jdbc.sql("""
                        INSERT INTO account_device (id_sha256, site, subject_id, trusted_until, created_at)
                        VALUES (:id, :site, :subject, :until, :now)
                        """)
                .param("id", idSha256)
                .param("site", site)
                .param("subject", subject.value())
                .param("until", utc(trustedUntil))
                .param("now", utc(now))
                .update();
        jdbc.sql("""
                        DELETE FROM account_device WHERE site = :site AND subject_id = :subject AND (
                            trusted_until <= :now OR locked_until <= :now
                            OR id_sha256 NOT IN (SELECT id_sha256 FROM account_device
                                WHERE site = :site AND subject_id = :subject
                                ORDER BY created_at DESC, id_sha256 LIMIT :kept))
                        """)
                .param("site", site)
                .param("subject", subject.value())
                .param("now", utc(now))
                .param("kept", kept)
                .update();
    }

    void delete(String idSha256) {
        jdbc.sql("DELETE FROM account_device WHERE id_sha256 = :id")
                .param("id", idSha256)
                .update();
    }

    /** Counts a wrong password typed in the browser; answers whether it locked the browser. */
    boolean recordFailure(String idSha256, int lockAfter, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE account_device SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :until ELSE locked_until END
                        WHERE id_sha256 = :id
                        RETURNING locked_until IS NOT NULL
                        """)
                .param("id", idSha256)
                .param("lockAfter", lockAfter)
                .param("until", utc(lockUntil))
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void recordSuccess(String idSha256) {
        jdbc.sql("UPDATE account_device SET failed_attempts = 0 WHERE id_sha256 = :id AND locked_until IS NULL")
                .param("id", idSha256)
                .update();
    }

    /** A new password ends the trust of every browser the old one signed in from. */
    void forget(String site, SubjectId subject) {
        jdbc.sql("DELETE FROM account_device WHERE site = :site AND subject_id = :subject")
                .param("site", site)
                .param("subject", subject.value())
                .update();
    }
}
