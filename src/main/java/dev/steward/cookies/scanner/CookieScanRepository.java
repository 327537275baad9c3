package dev.steward.cookies.scanner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for scans: one row per scan, its progress while it runs and its report (JSON) once done. */
@Repository
class CookieScanRepository {

    private static final String COLUMNS = "id, site, jurisdiction, page_limit, started_by, started_at, status, step,"
            + " step_page, pages_done, pages_planned, finished_at, violations, warnings, failure, failure_code";

    private final JdbcClient jdbc;

    CookieScanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A scan as the console lists it; {@code status} is running, finished or failed.
     *
     * @param step what it does now, as a code ({@code waiting}, {@code rejecting}, …; an English sentence for a scan
     *     stored before steps had codes), with {@code stepPage} the page it visits
     * @param failureCode why it did not finish ({@code unavailable}, {@code cookie-database}, {@code unexpected},
     *     {@code interrupted}), with {@code failure} the technical detail; no code for a failure stored as a sentence
     */
    record Scan(
            UUID id,
            String site,
            String jurisdiction,
            int pageLimit,
            String startedBy,
            Instant startedAt,
            String status,
            String step,
            @Nullable String stepPage,
            int pagesDone,
            int pagesPlanned,
            @Nullable Instant finishedAt,
            @Nullable Integer violations,
            @Nullable Integer warnings,
            @Nullable String failure,
            @Nullable String failureCode) {}

    /** Records a scan as running; false when a scan of the site is running already (on any node). */
    boolean start(UUID id, ScanTarget target, String startedBy, Instant at) {
        return jdbc.sql("""
                        INSERT INTO cookie_scan (id, site, jurisdiction, page_limit, started_by, started_at, status,
                            step, pages_planned, updated_at)
                        VALUES (:id, :site, :jurisdiction, :pages, :by, :at, 'running', 'waiting',
                            :planned, :at)
                        ON CONFLICT (site) WHERE status = 'running' DO NOTHING
                        """)
                        .param("id", id)
                        .param("site", target.siteKey())
                        .param("jurisdiction", target.jurisdiction().key())
                        .param("pages", target.pages())
                        .param("by", startedBy)
                        .param("at", utc(at))
                        .param("planned", target.pages() * 2)
                        .update()
                == 1;
    }

    void progress(UUID id, ScanProgress progress, Instant at) {
        jdbc.sql("""
                        UPDATE cookie_scan SET step = :step, step_page = :page, pages_done = :done, pages_planned = :planned,
                            updated_at = :at
                        WHERE id = :id AND status = 'running'
                        """)
                .param("id", id)
                .param("step", progress.step())
                .param("page", progress.page())
                .param("done", progress.pagesDone())
                .param("planned", progress.pagesPlanned())
                .param("at", utc(at))
                .update();
    }

    void finish(UUID id, ScanReport report, String json, Instant at) {
        jdbc.sql("""
                        UPDATE cookie_scan SET status = 'finished', step = 'done', step_page = NULL, pages_done = pages_planned,
                            violations = :violations, warnings = :warnings, report = :report::jsonb,
                            finished_at = :at, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("violations", report.violations())
                .param("warnings", report.warnings())
                .param("report", json)
                .param("at", utc(at))
                .update();
    }

    /** Records that the scan did not finish, why ({@code code}) and the technical detail, if any. */
    void fail(UUID id, String code, @Nullable String detail, Instant at) {
        jdbc.sql("""
                        UPDATE cookie_scan SET status = 'failed', failure_code = :code, failure = :failure,
                            finished_at = :at, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("code", code)
                .param("failure", detail)
                .param("at", utc(at))
                .update();
    }

    /** Scans whose node stopped reporting progress before {@code before}: it stopped without finishing them. */
    int interruptStale(Instant before) {
        return jdbc.sql("""
                        UPDATE cookie_scan SET status = 'failed', finished_at = updated_at,
                            failure_code = 'interrupted'
                        WHERE status = 'running' AND updated_at < :before
                        """).param("before", utc(before)).update();
    }

    Optional<Scan> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cookie_scan WHERE id = :id")
                .param("id", id)
                .query(CookieScanRepository::scan)
                .optional();
    }

    /** The newest scans of the given sites, newest first. */
    List<Scan> recent(List<String> sites, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM cookie_scan WHERE site = ANY(:sites) ORDER BY started_at DESC, id LIMIT :limit")
                .param("sites", sites.toArray(String[]::new))
                .param("limit", limit)
                .query(CookieScanRepository::scan)
                .list();
    }

    Optional<String> report(UUID id) {
        return jdbc.sql("SELECT report::text FROM cookie_scan WHERE id = :id AND report IS NOT NULL")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    private static Scan scan(ResultSet rs, int row) throws SQLException {
        return new Scan(
                rs.getObject("id", UUID.class),
                rs.getString("site"),
                rs.getString("jurisdiction"),
                rs.getInt("page_limit"),
                rs.getString("started_by"),
                instant(rs, "started_at"),
                rs.getString("status"),
                rs.getString("step"),
                rs.getString("step_page"),
                rs.getInt("pages_done"),
                rs.getInt("pages_planned"),
                instant(rs, "finished_at"),
                rs.getObject("violations", Integer.class),
                rs.getObject("warnings", Integer.class),
                rs.getString("failure"),
                rs.getString("failure_code"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
