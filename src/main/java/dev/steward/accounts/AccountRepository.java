package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(
            rs.getString("site"),
            new SubjectId(rs.getObject("subject_id", java.util.UUID.class)),
            rs.getString("registered_with"),
            rs.getString("password_hash"),
            Account.State.ofKey(rs.getString("state")),
            rs.getInt("failed_attempts"),
            instant(rs.getObject("locked_until", OffsetDateTime.class)),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            instant(rs.getObject("last_used_at", OffsetDateTime.class)),
            instant(rs.getObject("verified_at", OffsetDateTime.class)),
            instant(rs.getObject("verify_by", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String site, SubjectId subject) {
        return jdbc.sql("SELECT * FROM account WHERE site = :site AND subject_id = :subject")
                .param("site", site)
                .param("subject", subject.value())
                .query(ACCOUNT)
                .optional();
    }

    /**
     * The accounts of the subjects on the site that sign-in tries, at most {@code limit}: a verified one first, then
     * those waiting for their link, the oldest first. WHY the oldest: anyone may register an address, so a stranger's
     * later registrations must not push the owner's out of the few tried (attack16).
     */
    List<Account> signInCandidates(String site, Collection<SubjectId> subjects, int limit) {
        return jdbc.sql("""
                        SELECT * FROM account WHERE site = :site AND subject_id = ANY(:subjects)
                        ORDER BY verified_at IS NULL, created_at, subject_id LIMIT :limit
                        """)
                .param("site", site)
                .param("subjects", ids(subjects))
                .param("limit", limit)
                .query(ACCOUNT)
                .list();
    }

    /**
     * The subjects' registrations on the site still waiting for their link and not past their deadline (a parent's
     * confirmation aside), oldest first.
     */
    List<Account> waiting(String site, Collection<SubjectId> subjects, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM account WHERE site = :site AND subject_id = ANY(:subjects)
                            AND verified_at IS NULL AND state = 'active' AND (verify_by IS NULL OR verify_by > :now)
                        ORDER BY created_at, subject_id LIMIT :limit
                        """)
                .param("site", site)
                .param("now", utc(now))
                .param("subjects", ids(subjects))
                .param("limit", limit)
                .query(ACCOUNT)
                .list();
    }

    List<Account> of(SubjectId subject) {
        return jdbc.sql("SELECT * FROM account WHERE subject_id = :subject ORDER BY site")
                .param("subject", subject.value())
                .query(ACCOUNT)
                .list();
    }

    /** Answers false when the subject has an account on the site already. */
    boolean insert(Account account) {
        return jdbc.sql("""
                        INSERT INTO account (site, subject_id, registered_with, password_hash, state, created_at,
                            last_used_at, verified_at, verify_by)
                        VALUES (:site, :subject, :form, :hash, :state, :created, :used, :verified, :verifyBy)
                        ON CONFLICT (site, subject_id) DO NOTHING
                        """)
                        .param("site", account.site())
                        .param("subject", account.subject().value())
                        .param("form", account.registeredWith())
                        .param("hash", account.passwordHash())
                        .param("state", account.state().key())
                        .param("created", utc(account.createdAt()))
                        .param("used", utc(account.lastUsedAt()))
                        .param("verified", utc(account.verifiedAt()))
                        .param("verifyBy", utc(account.verifyBy()))
                        .update()
                == 1;
    }

    boolean activate(String site, SubjectId subject, Instant now) {
        return jdbc.sql("""
                        UPDATE account SET state = 'active', last_used_at = :now
                        WHERE site = :site AND subject_id = :subject AND state = 'awaiting-parent'
                        """)
                        .param("site", site)
                        .param("subject", subject.value())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Answers false when the account was verified already (or is gone). */
    boolean markVerified(String site, SubjectId subject, Instant now) {
        return jdbc.sql("""
                        UPDATE account SET verified_at = :now, verify_by = NULL
                        WHERE site = :site AND subject_id = :subject AND verified_at IS NULL
                        """)
                        .param("site", site)
                        .param("subject", subject.value())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    void verifyBy(String site, SubjectId subject, Instant by) {
        jdbc.sql(
                        "UPDATE account SET verify_by = :by WHERE site = :site AND subject_id = :subject AND verified_at IS NULL")
                .param("site", site)
                .param("subject", subject.value())
                .param("by", utc(by))
                .update();
    }

    /** Registrations nobody verified in time, oldest first, locked so that one node discards each. */
    List<Account> unverifiedBefore(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM account WHERE verified_at IS NULL AND verify_by < :now
                        ORDER BY verify_by LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(ACCOUNT)
                .list();
    }

    void deleteAwaitingParent(String site, SubjectId subject) {
        jdbc.sql("DELETE FROM account WHERE site = :site AND subject_id = :subject AND state = 'awaiting-parent'")
                .param("site", site)
                .param("subject", subject.value())
                .update();
    }

    /** Counts a wrong password; the failure that reaches the limit locks the account and starts counting afresh. */
    void recordFailure(String site, SubjectId subject, int lockAfter, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE account SET
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :until ELSE locked_until END,
                            failed_attempts = CASE WHEN failed_attempts + 1 >= :lockAfter THEN 0
                                ELSE failed_attempts + 1 END
                        WHERE site = :site AND subject_id = :subject
                        """)
                .param("site", site)
                .param("subject", subject.value())
                .param("lockAfter", lockAfter)
                .param("until", utc(lockUntil))
                .update();
    }

    /**
     * A right password: the account was used. Typed in a browser nobody had signed in from, it also clears the
     * account's wrong passwords ({@code resetFailures}); in the owner's own browser it leaves them for the strangers.
     */
    void recordSignIn(String site, SubjectId subject, Instant now, boolean resetFailures) {
        jdbc.sql("""
                        UPDATE account SET last_used_at = :now,
                            failed_attempts = CASE WHEN :reset THEN 0 ELSE failed_attempts END,
                            locked_until = CASE WHEN :reset THEN NULL ELSE locked_until END
                        WHERE site = :site AND subject_id = :subject
                        """)
                .param("site", site)
                .param("subject", subject.value())
                .param("now", utc(now))
                .param("reset", resetFailures)
                .update();
    }

    /**
     * A new password also lifts a lockout: whoever reset it proved they read the account's mailbox. Its instant ends
     * every sign-in made before it ({@link #signedInSince}).
     */
    void changePassword(String site, SubjectId subject, String hash, Instant now) {
        jdbc.sql("""
                        UPDATE account SET password_hash = :hash, failed_attempts = 0, locked_until = NULL,
                            password_changed_at = :now
                        WHERE site = :site AND subject_id = :subject
                        """)
                .param("site", site)
                .param("subject", subject.value())
                .param("hash", hash)
                .param("now", utc(now))
                .update();
    }

    /** Whether the account is there and its password was not reset after the instant (a sign-in's). */
    boolean signedInSince(String site, SubjectId subject, Instant signedInAt) {
        return jdbc.sql("""
                        SELECT count(*) FROM account WHERE site = :site AND subject_id = :subject
                            AND (password_changed_at IS NULL OR password_changed_at <= :at)
                        """)
                        .param("site", site)
                        .param("subject", subject.value())
                        .param("at", utc(signedInAt))
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Erasing people deletes their accounts ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM account WHERE subject_id = ANY(:subjects)";

    void deleteOfSubjects(Collection<SubjectId> subjects) {
        jdbc.sql(DELETE_OF_SUBJECTS).param("subjects", ids(subjects)).update();
    }

    void deleteOf(String site, List<SubjectId> subjects) {
        jdbc.sql("DELETE FROM account WHERE site = :site AND subject_id = ANY(:subjects)")
                .param("site", site)
                .param("subjects", ids(subjects))
                .update();
    }

    /** Subject {@code s.id} has an account on some site ({@link dev.steward.vault.SubjectKeepers}). */
    static final String HOLDS_ACCOUNT = "EXISTS (SELECT 1 FROM account a WHERE a.subject_id = s.id)";

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static java.util.UUID[] ids(Collection<SubjectId> subjects) {
        return subjects.stream().map(SubjectId::value).toArray(java.util.UUID[]::new);
    }
}
