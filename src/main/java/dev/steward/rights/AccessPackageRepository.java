package dev.steward.rights;

import static dev.steward.rights.RightsColumns.at;
import static dev.steward.rights.RightsColumns.instant;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of access and portability packages: found by the hash of their link's token, never by the token. */
@Repository
class AccessPackageRepository {

    private static final String COLUMNS = """
            p.id, p.request_id, p.subject_id, p.code_hash, p.content_enc IS NOT NULL AS held, p.wrong_codes,
            p.locked_at, p.downloads, p.last_downloaded_at, p.created_at, p.expires_at, p.replaced_by
            """;

    private final JdbcClient jdbc;

    AccessPackageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A package as stored, without its content: what its link's page and staff are told. */
    record Stored(
            UUID id,
            UUID request,
            SubjectId subject,
            byte @Nullable [] codeHash,
            boolean held,
            int wrongCodes,
            @Nullable Instant lockedAt,
            int downloads,
            @Nullable Instant lastDownloadedAt,
            Instant createdAt,
            Instant expiresAt,
            @Nullable UUID replacedBy) {}

    void insert(Stored stored, byte[] content, byte[] tokenHash) {
        jdbc.sql("""
                        INSERT INTO access_package (id, request_id, subject_id, content_enc, token_hash, code_hash,
                            created_at, expires_at)
                        VALUES (:id, :request, :subject, :content, :token, :code, :created, :expires)
                        """)
                .param("id", stored.id())
                .param("request", stored.request())
                .param("subject", stored.subject().value())
                .param("content", content)
                .param("token", tokenHash)
                .param("code", stored.codeHash())
                .param("created", at(stored.createdAt()))
                .param("expires", at(stored.expiresAt()))
                .update();
    }

    /** The package behind a link of this site; locked for the caller's transaction when it will change. */
    Optional<Stored> byToken(byte[] tokenHash, String site, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM access_package p JOIN rights_request r ON r.id = p.request_id
                        WHERE p.token_hash = :token AND r.site = :site
                        """ + (forUpdate ? " FOR UPDATE OF p" : ""))
                .param("token", tokenHash)
                .param("site", site)
                .query((rs, row) -> stored(rs))
                .optional();
    }

    List<Stored> ofRequest(UUID request) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM access_package p WHERE p.request_id = :request ORDER BY created_at")
                .param("request", request)
                .query((rs, row) -> stored(rs))
                .list();
    }

    Optional<byte[]> content(UUID id) {
        return jdbc.sql("SELECT content_enc FROM access_package WHERE id = :id AND content_enc IS NOT NULL")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    /** Counts a wrong code; answers how many were entered. */
    int wrongCode(UUID id) {
        return jdbc.sql("UPDATE access_package SET wrong_codes = wrong_codes + 1 WHERE id = :id RETURNING wrong_codes")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /** Too many wrong codes: the content goes, the row stays to say so. */
    void lock(UUID id, Instant at) {
        jdbc.sql("UPDATE access_package SET locked_at = :at, content_enc = NULL WHERE id = :id")
                .param("id", id)
                .param("at", at(at))
                .update();
    }

    /** Too many wrong codes, but the content lives on under a new link: the old one says so and opens nothing. */
    void replace(UUID id, UUID successor, Instant at) {
        jdbc.sql(
                        "UPDATE access_package SET locked_at = :at, content_enc = NULL, replaced_by = :successor WHERE id = :id")
                .param("id", id)
                .param("successor", successor)
                .param("at", at(at))
                .update();
    }

    void downloaded(UUID id, Instant at) {
        jdbc.sql("UPDATE access_package SET downloads = downloads + 1, last_downloaded_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", at(at))
                .update();
    }

    /** Deletes the content of packages past their window; answers how many. */
    int purgeExpired(Instant now) {
        return jdbc.sql(
                        "UPDATE access_package SET content_enc = NULL WHERE expires_at <= :now AND content_enc IS NOT NULL")
                .param("now", at(now))
                .update();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                rs.getBytes("code_hash"),
                rs.getBoolean("held"),
                rs.getInt("wrong_codes"),
                instant(rs, "locked_at"),
                rs.getInt("downloads"),
                instant(rs, "last_downloaded_at"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                rs.getObject("replaced_by", UUID.class));
    }
}
