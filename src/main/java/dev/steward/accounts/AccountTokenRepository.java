package dev.steward.accounts;

import dev.steward.platform.EmailLinks;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links an account's holder gets by e-mail (to reset the password, to verify the address), by the SHA-256 of the
 * token only; each works once and expires.
 */
@Repository
class AccountTokenRepository {

    enum Purpose {
        RESET,
        VERIFY;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Purpose purpose, String tokenSha256, String site, SubjectId subject, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO account_token (token_sha256, purpose, site, subject_id, created_at, expires_at)
                        VALUES (:token, :purpose, :site, :subject, :now, :expires)
                        """)
                .param("token", tokenSha256)
                .param("purpose", purpose.key())
                .param("site", site)
                .param("subject", subject.value())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The subject whose unused, unexpired token this is. */
    Optional<SubjectId> valid(Purpose purpose, String tokenSha256, String site, Instant now) {
        return jdbc.sql("""
                        SELECT subject_id FROM account_token WHERE token_sha256 = :token AND purpose = :purpose
                          AND site = :site AND used_at IS NULL AND expires_at > :now
                        """)
                .param("token", tokenSha256)
                .param("purpose", purpose.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(UUID.class)
                .optional()
                .map(SubjectId::new);
    }

    /** Uses the token up, answering its subject, if it was still valid; a token works once. */
    Optional<SubjectId> consume(Purpose purpose, String tokenSha256, String site, Instant now) {
        return jdbc.sql("""
                        UPDATE account_token SET used_at = :now WHERE token_sha256 = :token AND purpose = :purpose
                          AND site = :site AND used_at IS NULL AND expires_at > :now
                        RETURNING subject_id
                        """)
                .param("token", tokenSha256)
                .param("purpose", purpose.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(UUID.class)
                .optional()
                .map(SubjectId::new);
    }

    /** Until the transaction ends, no other issues a link to the subject's account on the site. */
    void lockLinksOf(String site, SubjectId subject) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('account-links:' || :site || ':' || :subject, 0))")
                .param("site", site)
                .param("subject", subject.value().toString())
                .query()
                .singleRow();
    }

    /** How many links of that purpose the subject's account on the site holds unused and valid. */
    int waiting(Purpose purpose, String site, SubjectId subject, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM account_token WHERE subject_id = :subject AND purpose = :purpose
                          AND site = :site AND used_at IS NULL AND expires_at > :now
                        """)
                .param("subject", subject.value())
                .param("purpose", purpose.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }

    /** Uses up every link of that purpose the subject's account on the site still holds. */
    void useUp(Purpose purpose, String site, SubjectId subject, Instant now) {
        jdbc.sql("""
                        UPDATE account_token SET used_at = :now WHERE subject_id = :subject AND purpose = :purpose
                          AND site = :site AND used_at IS NULL
                        """)
                .param("subject", subject.value())
                .param("purpose", purpose.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** When the newest link of that purpose was sent to the subject's account on the site, if ever. */
    Optional<Instant> lastIssued(Purpose purpose, String site, SubjectId subject) {
        return jdbc.sql("""
                        SELECT max(created_at) FROM account_token
                        WHERE purpose = :purpose AND site = :site AND subject_id = :subject
                        """)
                .param("purpose", purpose.key())
                .param("site", site)
                .param("subject", subject.value())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
                .single()
                .map(java.time.OffsetDateTime::toInstant);
    }

    /** Why a token opens nothing: used, expired, or never issued. */
    EmailLinks.Reason whyUnusable(Purpose purpose, String tokenSha256, String site) {
        return jdbc.sql("""
                        SELECT used_at IS NOT NULL FROM account_token
                        WHERE token_sha256 = :token AND purpose = :purpose AND site = :site
                        """)
                .param("token", tokenSha256)
                .param("purpose", purpose.key())
                .param("site", site)
                .query(Boolean.class)
                .optional()
                .map(used -> used ? EmailLinks.Reason.USED : EmailLinks.Reason.EXPIRED)
                .orElse(EmailLinks.Reason.UNKNOWN);
    }

    /** Erasing people deletes their reset and verification links ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM account_token WHERE subject_id = ANY(:subjects)";

    void deleteOfSubjects(java.util.Collection<SubjectId> subjects) {
        jdbc.sql(DELETE_OF_SUBJECTS)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(java.util.UUID[]::new))
                .update();
    }

    void deleteOf(String site, List<SubjectId> subjects) {
        jdbc.sql("DELETE FROM account_token WHERE site = :site AND subject_id = ANY(:subjects)")
                .param("site", site)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(java.util.UUID[]::new))
                .update();
    }
}
