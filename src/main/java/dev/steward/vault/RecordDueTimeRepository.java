package dev.steward.vault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The records' states and retention due times: what the retention schedule sets and counts. */
@Repository
class RecordDueTimeRepository {

    private final JdbcClient jdbc;

    RecordDueTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void updateState(RecordId id, RecordState state, @Nullable Instant dueAt) {
        jdbc.sql("UPDATE personal_record SET state = :state, due_at = :due WHERE id = :id")
                .param("id", id.value())
                .param("state", state.name())
                .param("due", dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Closes the activity's records not already due sooner: due at the instant, but never before collection plus
     * the minimum (an ISO-8601 interval), computed in UTC as the catalog's spans are.
     */
    int closeActivity(String site, String activity, Instant dueAt, @Nullable String minimum) {
        return jdbc.sql("""
                        UPDATE personal_record
                           SET state = 'CLOSED',
                               due_at = GREATEST(:due, COALESCE((collected_at AT TIME ZONE 'UTC'
                                   + CAST(:minimum AS INTERVAL)) AT TIME ZONE 'UTC', :due))
                         WHERE site = :site AND activity = :activity AND (due_at IS NULL OR due_at > :due)
                        """)
                .param("site", site)
                .param("activity", activity)
                .param("due", dueAt.atOffset(ZoneOffset.UTC))
                .param("minimum", minimum)
                .update();
    }

    /** Records per site, activity and rule, counted by when they fall due: up to each bound, after the last, never. */
    List<DueCount> dueCounts(List<Instant> bounds) {
        StringBuilder sql = new StringBuilder("SELECT site, activity, retention_rule");
        for (int i = 0; i <= bounds.size(); i++) {
            String lower = i == 0 ? "TRUE" : "due_at > :b" + (i - 1);
            String upper = i == bounds.size() ? "TRUE" : "due_at <= :b" + i;
            sql.append(", count(*) FILTER (WHERE ")
                    .append(lower)
                    .append(" AND ")
                    .append(upper)
                    .append(")");
        }
        sql.append(", count(*) FILTER (WHERE due_at IS NULL)")
                .append(" FROM personal_record GROUP BY site, activity, retention_rule ORDER BY site, activity");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (int i = 0; i < bounds.size(); i++) {
            statement = statement.param("b" + i, bounds.get(i).atOffset(ZoneOffset.UTC));
        }
        return statement
                .query((rs, row) -> {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 0; i <= bounds.size(); i++) {
                        counts.add(rs.getLong(4 + i));
                    }
                    return new DueCount(
                            rs.getString(1), rs.getString(2), rs.getString(3), counts, rs.getLong(5 + bounds.size()));
                })
                .list();
    }

    /** Per site, the records due at or before the instant, apart and among the held subjects and records. */
    List<RecordDueTimes.Overdue> overdue(Instant before, UUID[] heldSubjects, UUID[] heldRecords) {
        return jdbc.sql("""
                        SELECT site,
                               count(*) FILTER (WHERE NOT (subject_id = ANY(:subjects) OR id = ANY(:records))),
                               count(*) FILTER (WHERE subject_id = ANY(:subjects) OR id = ANY(:records))
                          FROM personal_record
                         WHERE due_at IS NOT NULL AND due_at <= :before
                         GROUP BY site ORDER BY site
                        """)
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("subjects", heldSubjects)
                .param("records", heldRecords)
                .query((rs, row) -> new RecordDueTimes.Overdue(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
