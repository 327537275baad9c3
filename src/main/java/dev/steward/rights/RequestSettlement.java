package dev.steward.rights;

import java.util.List;

/**
 * The SQL that settles erased people's rights requests, across the tables a request fills: a verified erasure request
 * is answered by the erasure and closed; any other request still open can no longer be answered (nothing is left to
 * give, correct or restrict) and goes with all it produced; the answered ones stay as evidence, no longer naming the
 * person, and lose what is sealed under the person's key and useless without it (access packages, supplementary
 * statements). The vault runs these statements in order in one round trip ({@link dev.steward.vault.SubjectRows}),
 * each seeing what the ones before it did, so "open" is asked again by each.
 */
final class RequestSettlement {

    private static final String OPEN = "SELECT id FROM rights_request WHERE subject_id = ANY(:subjects)"
            + " AND status IN ('awaiting-verification', 'received')";

    static final List<String> OF_ERASED_SUBJECTS = List.of(
            """
            UPDATE rights_request SET status = 'completed', closed_at = :at, outcome = 'erased'
             WHERE subject_id = ANY(:subjects) AND status = 'received' AND type IN ('erasure', 'deletion')""",
            // an open request and everything it produced, in an order the foreign keys allow
            "DELETE FROM recipient_notice_delivery WHERE notice_id IN"
                    + " (SELECT id FROM recipient_notice WHERE request_id IN (" + OPEN + "))",
            "DELETE FROM recipient_notice WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM rights_request_event WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM restriction WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM portability_transfer WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM access_package WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM supplementary_statement WHERE request_id IN (" + OPEN + ")",
            "DELETE FROM rights_request WHERE id IN (" + OPEN + ")",
            // the answered ones
            "DELETE FROM access_package WHERE subject_id = ANY(:subjects)",
            "DELETE FROM supplementary_statement WHERE subject_id = ANY(:subjects)",
            "UPDATE rights_request SET subject_id = NULL WHERE subject_id = ANY(:subjects)",
            "UPDATE recipient_notice SET subject_id = NULL WHERE subject_id = ANY(:subjects)");

    private RequestSettlement() {}
}
