package dev.steward.cookies.scanner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for scan schedules: one row per scheduled site. */
@Repository
class ScanScheduleRepository {

    private final JdbcClient jdbc;

    ScanScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A site's schedule.
     *
     * @param every {@code P1D}, {@code P7D} or {@code P1M}
     */
    record Schedule(
            String site,
            String every,
            int pageLimit,
            String jurisdiction,
            Instant nextRunAt,
            String updatedBy,
            Instant updatedAt) {}

    void save(Schedule schedule) {
        jdbc.sql("""
                        INSERT INTO cookie_scan_schedule (site, every, page_limit, jurisdiction, next_run_at,
                            updated_by, updated_at)
                        VALUES (:site, :every, :pages, :jurisdiction, :next, :by, :at)
                        ON CONFLICT (site) DO UPDATE SET every = :every, page_limit = :pages,
                            jurisdiction = :jurisdiction, next_run_at = :next, updated_by = :by, updated_at = :at
                        """)
                .param("site", schedule.site())
                .param("every", schedule.every())
                .param("pages", schedule.pageLimit())
                .param("jurisdiction", schedule.jurisdiction())
                .param("next", CookieScanRepository.utc(schedule.nextRunAt()))
                .param("by", schedule.updatedBy())
                .param("at", CookieScanRepository.utc(schedule.updatedAt()))
                .update();
    }

    boolean delete(String site) {
        return jdbc.sql("DELETE FROM cookie_scan_schedule WHERE site = :site")
                        .param("site", site)
                        .update()
                == 1;
    }

    Optional<Schedule> find(String site) {
        return jdbc.sql("SELECT * FROM cookie_scan_schedule WHERE site = :site")
                .param("site", site)
                .query(ScanScheduleRepository::schedule)
                .optional();
    }

    List<Schedule> all() {
        return jdbc.sql("SELECT * FROM cookie_scan_schedule ORDER BY site")
                .query(ScanScheduleRepository::schedule)
                .list();
    }

    /**
     * Takes the schedule that has been due longest, moving its next run on by its interval: of several nodes asking at
     * once, one gets it.
     */
    Optional<Schedule> claimDue(Instant now) {
        return jdbc.sql("""
                        UPDATE cookie_scan_schedule SET next_run_at = CAST(:now AS timestamptz) + every::interval
                        WHERE site = (SELECT site FROM cookie_scan_schedule WHERE next_run_at <= :now
                                      ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("now", CookieScanRepository.utc(now))
                .query(ScanScheduleRepository::schedule)
                .optional();
    }

    /** Runs a claimed schedule again at {@code at}: it could not start when its turn came. */
    void retryAt(String site, Instant at) {
        jdbc.sql("UPDATE cookie_scan_schedule SET next_run_at = :at WHERE site = :site")
                .param("site", site)
                .param("at", CookieScanRepository.utc(at))
                .update();
    }

    private static Schedule schedule(ResultSet rs, int row) throws SQLException {
        return new Schedule(
                rs.getString("site"),
                rs.getString("every"),
                rs.getInt("page_limit"),
                rs.getString("jurisdiction"),
                Objects.requireNonNull(CookieScanRepository.instant(rs, "next_run_at")),
                rs.getString("updated_by"),
                Objects.requireNonNull(CookieScanRepository.instant(rs, "updated_at")));
    }
}
