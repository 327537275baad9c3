package dev.steward.notice;

import dev.steward.platform.Sha256;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for published notice versions and their renditions. Rows are never updated or deleted. */
@Repository
class NoticeVersionRepository {

    private static final String COLUMNS =
            "id, site, version, effective, last_modified, significance, published_at, content_hash";

    private static final RowMapper<NoticeVersion> VERSION = (rs, row) -> new NoticeVersion(
            rs.getLong("id"),
            rs.getString("site"),
            rs.getString("version"),
            rs.getObject("effective", LocalDate.class),
            rs.getObject("last_modified", LocalDate.class),
            rs.getString("significance"),
            rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getString("content_hash"));

    private final JdbcClient jdbc;

    NoticeVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the version unless one with its label exists; answers whether this call inserted it. */
    boolean insertIfAbsent(NoticeVersion version, String factsJson) {
        return jdbc.sql("""
                        INSERT INTO notice_version
                            (site, version, effective, last_modified, significance, published_at, content_hash, facts)
                        VALUES (:site, :version, :effective, :lastModified, :significance, :publishedAt, :hash, CAST(:facts AS jsonb))
                        ON CONFLICT (site, version) DO NOTHING
                        """)
                        .param("site", version.site())
                        .param("version", version.version())
                        .param("effective", version.effective())
                        .param("lastModified", version.lastModified())
                        .param("significance", version.significance())
                        .param("publishedAt", version.publishedAt().atOffset(ZoneOffset.UTC))
                        .param("hash", version.contentHash())
                        .param("facts", factsJson)
                        .update()
                == 1;
    }

    /** The version a new one follows: the newest other version that took effect no later than it. */
    Optional<NoticeVersion> previous(String site, String version, LocalDate effective) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice_version"
                        + " WHERE site = :site AND version <> :version AND effective <= :effective"
                        + " ORDER BY effective DESC, id DESC LIMIT 1")
                .param("site", site)
                .param("version", version)
                .param("effective", effective)
                .query(VERSION)
                .optional();
    }

    void insertRendition(long versionId, String region, String page, String language, String html, String factsSha256) {
        jdbc.sql("""
                        INSERT INTO notice_rendition (version_id, region, page, language, html, sha256, facts_sha256)
                        VALUES (:id, :region, :page, :language, :html, :sha256, :facts)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", versionId)
                .param("region", region)
                .param("page", page)
                .param("language", language)
                .param("html", html)
                .param("sha256", Sha256.hex(html))
                .param("facts", factsSha256)
                .update();
    }

    /**
     * The SHA-256 of the facts each stored privacy rendition of the version was rendered from, by region and
     * language; a rendition stored before renditions had a language is listed under the empty language, its facts
     * hash unknown (null).
     */
    Map<String, Map<String, Optional<String>>> renditionFacts(long versionId) {
        Map<String, Map<String, Optional<String>>> facts = new HashMap<>();
        jdbc.sql("SELECT region, coalesce(language, '') AS language, facts_sha256 FROM notice_rendition"
                        + " WHERE version_id = :id AND page = 'privacy'")
                .param("id", versionId)
                .query(rs -> {
                    facts.computeIfAbsent(rs.getString("region"), region -> new HashMap<>())
                            .put(rs.getString("language"), Optional.ofNullable(rs.getString("facts_sha256")));
                });
        return facts;
    }

    Optional<NoticeVersion> find(String site, String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice_version WHERE site = :site AND version = :version")
                .param("site", site)
                .param("version", version)
                .query(VERSION)
                .optional();
    }

    /** Newest first by effective date. */
    List<NoticeVersion> history(String site) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM notice_version WHERE site = :site ORDER BY effective DESC, id DESC")
                .param("site", site)
                .query(VERSION)
                .list();
    }

    /** The version in force on the day: the newest that took effect by then, or the first if none has yet. */
    Optional<NoticeVersion> inForce(String site, LocalDate day) {
        return jdbc.sql("""
                        SELECT %s FROM notice_version WHERE site = :site
                        ORDER BY (effective <= :day) DESC,
                                 CASE WHEN effective <= :day THEN effective END DESC,
                                 effective ASC, id DESC
                        LIMIT 1
                        """.formatted(COLUMNS))
                .param("site", site)
                .param("day", day)
                .query(VERSION)
                .optional();
    }

    /**
     * The page of the version for the region in the language, else in the site's default language (stored with it,
     * or without a language by a version published before renditions had one).
     */
    Optional<NoticeRendition> rendition(
            long versionId, String region, String page, String language, String defaultLanguage) {
        return jdbc.sql("""
                        SELECT coalesce(language, :default) AS language, html, sha256 FROM notice_rendition
                        WHERE version_id = :id AND region = :region AND page = :page
                          AND (language IN (:language, :default) OR language IS NULL)
                        ORDER BY CASE WHEN language = :language THEN 0 WHEN language IS NULL THEN 1 ELSE 2 END
                        LIMIT 1
                        """)
                .param("id", versionId)
                .param("region", region)
                .param("page", page)
                .param("language", language)
                .param("default", defaultLanguage)
                .query((rs, row) -> {
                    String html = rs.getString("html");
                    String sha256 = rs.getString("sha256");
                    return new NoticeRendition(
                            rs.getString("language"), html, sha256 != null ? sha256 : Sha256.hex(html));
                })
                .optional();
    }

    List<String> regions(long versionId) {
        return jdbc.sql("SELECT DISTINCT region FROM notice_rendition WHERE version_id = :id ORDER BY region")
                .param("id", versionId)
                .query(String.class)
                .list();
    }

    String facts(long versionId) {
        return jdbc.sql("SELECT facts::text FROM notice_version WHERE id = :id")
                .param("id", versionId)
                .query(String.class)
                .single();
    }
}
