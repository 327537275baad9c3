package dev.steward.notice;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

    void insertRendition(long versionId, String region, String page, String html) {
        jdbc.sql("""
                        INSERT INTO notice_rendition (version_id, region, page, html) VALUES (:id, :region, :page, :html)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", versionId)
                .param("region", region)
                .param("page", page)
                .param("html", html)
                .update();
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

    Optional<String> rendition(long versionId, String region, String page) {
        return jdbc.sql(
                        "SELECT html FROM notice_rendition WHERE version_id = :id AND region = :region AND page = :page")
                .param("id", versionId)
                .param("region", region)
                .param("page", page)
                .query(String.class)
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
