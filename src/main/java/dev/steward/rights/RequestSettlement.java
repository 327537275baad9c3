package dev.steward.rights;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL that settles an erased person's rights requests, across the tables a request fills. */
@Repository
class RequestSettlement {

    /** A request and everything it produced, in an order the foreign keys allow. */
    private static final List<String> DELETE_REQUESTS = List.of(
            "DELETE FROM recipient_notice_delivery WHERE notice_id IN"
                    + " (SELECT id FROM recipient_notice WHERE request_id = ANY(:open))",
            "DELETE FROM recipient_notice WHERE request_id = ANY(:open)",
            "DELETE FROM rights_request_event WHERE request_id = ANY(:open)",
            "DELETE FROM restriction WHERE request_id = ANY(:open)",
            "DELETE FROM portability_transfer WHERE request_id = ANY(:open)",
            "DELETE FROM access_package WHERE request_id = ANY(:open)",
            "DELETE FROM supplementary_statement WHERE request_id = ANY(:open)",
            "DELETE FROM rights_request WHERE id = ANY(:open)");

    /** What is sealed under the subjects' keys goes; the answered requests and their notices stop naming them. */
    private static final List<String> DETACH_SUBJECTS = List.of(
            "DELETE FROM access_package WHERE subject_id = ANY(:subjects)",
            "DELETE FROM supplementary_statement WHERE subject_id = ANY(:subjects)",
            "UPDATE rights_request SET subject_id = NULL WHERE subject_id = ANY(:subjects)",
            "UPDATE recipient_notice SET subject_id = NULL WHERE subject_id = ANY(:subjects)");

    private final JdbcClient jdbc;

    RequestSettlement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What erasing the subjects does to their requests: a verified erasure request is answered by the erasure and
     * closed; any other request still open can no longer be answered (nothing is left to give, correct or restrict)
     * and goes with all it produced; the answered ones stay as evidence, no longer naming the person, and lose what is
     * sealed under the person's key and useless without it (access packages, supplementary statements).
     */
    void settleErased(Collection<SubjectId> erased, Instant at) {
        UUID[] subjects = erased.stream().map(SubjectId::value).toArray(UUID[]::new);
        jdbc.sql("""
                        UPDATE rights_request SET status = 'completed', closed_at = :at, outcome = 'erased'
                         WHERE subject_id = ANY(:subjects) AND status = 'received' AND type IN ('erasure', 'deletion')
                        """)
                .param("subjects", subjects)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        UUID[] open = jdbc.sql("""
                        SELECT id FROM rights_request
                         WHERE subject_id = ANY(:subjects) AND status IN ('awaiting-verification', 'received')
                        """)
                .param("subjects", subjects)
                .query(UUID.class)
                .list()
                .toArray(UUID[]::new);
        if (open.length > 0) {
            execute(DELETE_REQUESTS, open, subjects);
        }
        execute(DETACH_SUBJECTS, open, subjects);
    }

    /**
     * The statements in one round trip: the driver sends them together and PostgreSQL runs them in order, each seeing
     * what the ones before did. A sweep's batch of people waits for each round trip on two busy cores (bench/README.md,
     * sweep7).
     */
    private void execute(List<String> statements, UUID[] open, UUID[] subjects) {
        jdbc.sql(String.join(";\n", statements))
                .param("open", open)
                .param("subjects", subjects)
                .update();
    }
}
