package dev.steward.rights;

import dev.steward.platform.NotFoundException;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to an access request (GDPR Art. 15) is the {@link AccessExport}; the answer to a portability request (Art. 20) is the data they provided as JSON in the documented
 * schema ({@code docs/portability.schema.json}). Either is encrypted under the subject's key, downloadable once
 * through an expiring link, and deleted after the download or at expiry.
 */
@Component
class AccessPackages {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String PORTABILITY_SCHEMA = "https://steward.dev/schemas/portability/v1";

    private final AccessExport exports;
    private final Requesters requesters;
    private final SubjectData data;
    private final Vault vault;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AccessPackages(
            AccessExport exports,
            SubjectData data,
            Requesters requesters,
            Vault vault,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.requesters = requesters;
        this.exports = exports;
        this.data = data;
        this.vault = vault;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A package being downloaded: its file name and bytes. */
    record Download(String fileName, String contentType, byte[] content) {}

    /** Builds and stores the access package; answers the raw download token (for the link), never stored. */
    String access(RightsRequest request) {
        return store(request, exports.of(requesters.reach(request), request.site()));
    }

    /** The portable data as JSON; pushed to the address the subject gave, if any, by the caller. */
    byte[] portable(RightsRequest request) {
        Map<String, Object> document = Map.of(
                "$schema", PORTABILITY_SCHEMA,
                "subject", request.subject().toString(),
                "exportedAt", clock.instant().toString(),
                "records", data.provided(requesters.reach(request), request.site()));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    String portability(RightsRequest request, byte[] document) {
        return store(request, document);
    }

    @Transactional
    Download download(String site, String token) {
        Stored stored = jdbc.sql("""
                        SELECT p.id, p.subject_id, p.content_enc, p.expires_at, r.type FROM access_package p
                        JOIN rights_request r ON r.id = p.request_id
                        WHERE p.token_hash = :hash AND r.site = :site FOR UPDATE OF p
                        """)
                .param("hash", Tokens.hash(token))
                .param("site", site)
                .query((rs, row) -> new Stored(
                        rs.getObject(1, UUID.class),
                        new SubjectId(rs.getObject(2, UUID.class)),
                        rs.getBytes(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(5)))
                .optional()
                .filter(found -> clock.instant().isBefore(found.expiresAt()))
                .orElseThrow(() -> new NotFoundException("This download link has expired or was already used."));
        byte[] content = vault.open(stored.subject(), stored.content(), context(stored.id()))
                .orElseThrow(() -> new NotFoundException("This download link has expired or was already used."));
        jdbc.sql("DELETE FROM access_package WHERE id = :id")
                .param("id", stored.id())
                .update();
        boolean portability = "portability".equals(stored.type());
        return portability
                ? new Download("steward-portability.json", "application/json", content)
                : new Download("steward-access.zip", "application/zip", content);
    }

    /** Deletes packages nobody downloaded in time; answers how many. */
    @Transactional
    int purgeExpired() {
        return jdbc.sql("DELETE FROM access_package WHERE expires_at < :now")
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    private record Stored(UUID id, SubjectId subject, byte[] content, Instant expiresAt, String type) {}

    private String store(RightsRequest request, byte[] content) {
        UUID id = UUID.randomUUID();
        String token = Tokens.token();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO access_package (id, request_id, subject_id, content_enc, token_hash, created_at, expires_at)
                        VALUES (:id, :request, :subject, :content, :hash, :created, :expires)
                        """)
                .param("id", id)
                .param("request", request.id())
                .param("subject", request.subject().value())
                .param("content", vault.seal(request.subject(), content, context(id)))
                .param("hash", Tokens.hash(token))
                .param("created", now.atOffset(java.time.ZoneOffset.UTC))
                .param("expires", now.plus(VALID_FOR).atOffset(java.time.ZoneOffset.UTC))
                .update();
        return token;
    }

    private static String context(UUID pkg) {
        return "access-package:" + pkg;
    }
}
