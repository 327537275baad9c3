package dev.steward.rights;

import dev.steward.catalog.Span;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of erasure summaries: one row per answered erasure request, one per line of it. */
@Repository
class ErasureSummaryRepository {

    private final JdbcClient jdbc;

    ErasureSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ErasureSummary summary) {
        jdbc.sql("""
                        INSERT INTO erasure_outcome (request_id, erased_at, everything, recipients)
                        VALUES (:request, :at, :everything, :recipients)
                        """)
                .param("request", summary.request())
                .param("at", RightsColumns.at(summary.erasedAt()))
                .param("everything", summary.everything())
                .param("recipients", summary.recipients().toArray(String[]::new))
                .update();
        for (int position = 0; position < summary.lines().size(); position++) {
            ErasureSummary.Line line = summary.lines().get(position);
            jdbc.sql("""
                            INSERT INTO erasure_outcome_line
                                (request_id, position, activity, records, kept_by, kept_for, kept_until)
                            VALUES (:request, :position, :activity, :records, :by, :for, :until)
                            """)
                    .param("request", summary.request())
                    .param("position", position)
                    .param("activity", line.activity())
                    .param("records", line.records())
                    .param("by", line.keptBy() == null ? null : line.keptBy().key())
                    .param("for", line.keptFor() == null ? null : line.keptFor().toString())
                    .param("until", RightsColumns.at(line.keptUntil()))
                    .update();
        }
    }

    Optional<ErasureSummary> of(UUID request) {
        List<ErasureSummary.Line> lines = lines(request);
        return jdbc.sql("SELECT erased_at, everything, recipients FROM erasure_outcome WHERE request_id = :request")
                .param("request", request)
                .query((rs, row) -> new ErasureSummary(
                        request,
                        RightsColumns.instant(rs, "erased_at"),
                        rs.getBoolean("everything"),
                        lines,
                        List.of((String[]) rs.getArray("recipients").getArray())))
                .optional();
    }

    private List<ErasureSummary.Line> lines(UUID request) {
        return jdbc.sql("SELECT * FROM erasure_outcome_line WHERE request_id = :request ORDER BY position")
                .param("request", request)
                .query((rs, row) -> new ErasureSummary.Line(
                        rs.getString("activity"),
                        rs.getInt("records"),
                        rs.getString("kept_by") == null ? null : ErasureSummary.KeptBy.of(rs.getString("kept_by")),
                        rs.getString("kept_for") == null ? null : Span.parse(rs.getString("kept_for")),
                        RightsColumns.instant(rs, "kept_until")))
                .list();
    }
}
