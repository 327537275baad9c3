package dev.steward.intake;

import dev.steward.platform.EmailLinks;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IntakeTokenRepository {

    private static final RowMapper<IntakeToken> TOKEN = (rs, row) -> new IntakeToken(
            rs.getString("token_sha256"),
            IntakeToken.Kind.ofKey(rs.getString("kind")),
            rs.getString("site"),
            rs.getString("form"),
            new SubjectId(rs.getObject("subject_id", UUID.class)),
            rs.getObject("record_id", UUID.class) == null ? null : new RecordId(rs.getObject("record_id", UUID.class)),
            strings(rs.getArray("purposes")),
            rs.getString("jurisdiction"),
            rs.getString("method"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("expires_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    IntakeTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IntakeToken token) {
        jdbc.sql("""
                        INSERT INTO intake_token (token_sha256, kind, site, form, subject_id, record_id, purposes,
                            jurisdiction, method, created_at, expires_at)
                        VALUES (:token, :kind, :site, :form, :subject, :record, :purposes, :jurisdiction, :method,
                            :created, :expires)
                        """)
                .param("token", token.tokenSha256())
                .param("kind", token.kind().key())
                .param("site", token.site())
                .param("form", token.form())
                .param("subject", token.subject().value())
                .param("record", token.record() == null ? null : token.record().value())
                .param("purposes", token.purposes().toArray(String[]::new))
                .param("jurisdiction", token.jurisdiction())
                .param("method", token.method())
                .param("created", token.createdAt().atOffset(ZoneOffset.UTC))
                .param("expires", token.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The unused, unexpired token of this kind on this site. */
    Optional<IntakeToken> valid(String tokenSha256, IntakeToken.Kind kind, String site, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM intake_token
                        WHERE token_sha256 = :token AND kind = :kind AND site = :site
                            AND used_at IS NULL AND expires_at > :now
                        """)
                .param("token", tokenSha256)
                .param("kind", kind.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(TOKEN)
                .optional();
    }

    /** Uses the token up if it was still valid; of two concurrent uses, one wins. */
    Optional<IntakeToken> consume(String tokenSha256, IntakeToken.Kind kind, String site, Instant now) {
        return jdbc.sql("""
                        UPDATE intake_token SET used_at = :now
                        WHERE token_sha256 = :token AND kind = :kind AND site = :site
                            AND used_at IS NULL AND expires_at > :now
                        RETURNING *
                        """)
                .param("token", tokenSha256)
                .param("kind", kind.key())
                .param("site", site)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(TOKEN)
                .optional();
    }

    /**
     * Why a token opens nothing: used (a refused child's form is erased with its link, so that one is unknown),
     * expired, or never issued.
     */
    EmailLinks.Reason whyUnusable(String tokenSha256, IntakeToken.Kind kind, String site) {
        return jdbc.sql("""
                        SELECT used_at IS NOT NULL FROM intake_token
                        WHERE token_sha256 = :token AND kind = :kind AND site = :site
                        """)
                .param("token", tokenSha256)
                .param("kind", kind.key())
                .param("site", site)
                .query(Boolean.class)
                .optional()
                .map(used -> used ? EmailLinks.Reason.USED : EmailLinks.Reason.EXPIRED)
                .orElse(EmailLinks.Reason.UNKNOWN);
    }

    /** Held submissions whose parent did not confirm in time, oldest first. */
    List<IntakeToken> expiredHolds(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM intake_token
                        WHERE kind = 'parental-consent' AND used_at IS NULL AND expires_at <= :now
                        ORDER BY expires_at LIMIT :limit
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query(TOKEN)
                .list();
    }

    void delete(String tokenSha256) {
        jdbc.sql("DELETE FROM intake_token WHERE token_sha256 = :token")
                .param("token", tokenSha256)
                .update();
    }

    /** Erasing people deletes their pending links ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM intake_token WHERE subject_id = ANY(:subjects)";

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
