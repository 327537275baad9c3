package dev.steward.rights;

import static dev.steward.rights.RightsColumns.at;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that looks across rights requests rather than at one ({@link RequestRepository}): what is still open per site
 * and type, per address and per subject, and what the same address asked before, found by its blind index.
 */
@Repository
class RequestBacklog {

    private final JdbcClient jdbc;

    RequestBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open requests of the same person for the same right on the same site: a duplicate. */
    Optional<UUID> openDuplicate(RightsRequest request) {
        return jdbc.sql("""
                        SELECT id FROM rights_request WHERE site = :site AND type = :type
                          AND email_index = (SELECT email_index FROM rights_request WHERE id = :id)
                          AND status = 'received' AND id <> :id ORDER BY received_at LIMIT 1
                        """)
                .param("site", request.site())
                .param("type", request.typeKey())
                .param("id", request.id())
                .query(UUID.class)
                .optional();
    }

    /** Whether a request of the same type by the same address was answered on the site since then. */
    boolean answeredSince(RightsRequest request, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM rights_request WHERE site = :site AND type = :type
                          AND email_index = (SELECT email_index FROM rights_request WHERE id = :id)
                          AND status = 'completed' AND closed_at >= :since
                        """)
                        .param("id", request.id())
                        .param("site", request.site())
                        .param("type", request.typeKey())
                        .param("since", at(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Requests awaiting an answer per site and type: all, those due before {@code soon}, those overdue at {@code now}. */
    List<OpenCount> openCounts(Instant now, Instant soon) {
        return jdbc.sql("""
                        SELECT site, type, count(*) AS open,
                               count(*) FILTER (WHERE coalesce(extended_to, due_at) >= :now
                                                  AND coalesce(extended_to, due_at) < :soon) AS due_soon,
                               count(*) FILTER (WHERE coalesce(extended_to, due_at) < :now) AS overdue
                        FROM rights_request WHERE status = 'received' GROUP BY site, type
                        """)
                .param("now", at(now))
                .param("soon", at(soon))
                .query((rs, row) -> new OpenCount(
                        rs.getString("site"),
                        rs.getString("type"),
                        rs.getLong("open"),
                        rs.getLong("due_soon"),
                        rs.getLong("overdue")))
                .list();
    }

    record OpenCount(String site, String type, long open, long dueSoon, long overdue) {}

    /** How many requests naming the address wait for their confirmation. */
    long awaitingVerification(byte[] emailIndex) {
        return jdbc.sql("""
                        SELECT count(*) FROM rights_request
                        WHERE email_index = :email AND status = 'awaiting-verification'
                        """).param("email", emailIndex).query(Long.class).single();
    }

    /** Those of the subjects with a request still open (awaiting verification, or received and not answered). */
    Set<SubjectId> withOpenRequests(Collection<SubjectId> subjects) {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT subject_id FROM rights_request
                         WHERE subject_id = ANY(:subjects) AND status IN ('awaiting-verification', 'received')
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list());
    }
}
