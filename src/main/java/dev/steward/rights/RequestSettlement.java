package dev.steward.rights;

import java.util.List;

/**
 * The SQL that settles erased people's rights requests, across the tables a request fills: a verified erasure request
 * is answered by the erasure and closed; any other request still open can no longer be answered (nothing is left to
 * give, correct or restrict) and goes with all it produced; the answered ones stay as evidence, no longer naming the
 * person, and lose what is sealed under the person's key and useless without it (access packages, supplementary
 * statements). The vault runs these statements in order in one round trip ({@link dev.steward.vault.SubjectRows}),
 * each seeing what the ones before it did.
 */
final class RequestSettlement {

    static final List<String> OF_ERASED_SUBJECTS = List.of(
            """
            UPDATE rights_request SET status = 'completed', closed_at = :at, outcome = 'erased'
             WHERE subject_id = ANY(:subjects) AND status = 'received' AND type IN ('erasure', 'deletion')""",
            // an open request and everything it produced, in one statement so that "open" is asked once; the foreign
            // keys (no action) are checked at its end, when the children are gone too
            """
            WITH open AS (
                     SELECT id FROM rights_request
                      WHERE subject_id = ANY(:subjects) AND status IN ('awaiting-verification', 'received')),
                 notices AS (SELECT id FROM recipient_notice WHERE request_id IN (SELECT id FROM open)),
                 deliveries AS (DELETE FROM recipient_notice_delivery WHERE notice_id IN (SELECT id FROM notices)),
                 notices_gone AS (DELETE FROM recipient_notice WHERE id IN (SELECT id FROM notices)),
                 events AS (DELETE FROM rights_request_event WHERE request_id IN (SELECT id FROM open)),
                 restrictions AS (DELETE FROM restriction WHERE request_id IN (SELECT id FROM open)),
                 transfers AS (DELETE FROM portability_transfer WHERE request_id IN (SELECT id FROM open)),
                 packages AS (DELETE FROM access_package WHERE request_id IN (SELECT id FROM open)),
                 statements AS (DELETE FROM supplementary_statement WHERE request_id IN (SELECT id FROM open))
            DELETE FROM rights_request WHERE id IN (SELECT id FROM open)""",
            // the answered ones
            "DELETE FROM access_package WHERE subject_id = ANY(:subjects)",
            "DELETE FROM supplementary_statement WHERE subject_id = ANY(:subjects)",
            "UPDATE rights_request SET subject_id = NULL WHERE subject_id = ANY(:subjects)",
            "UPDATE recipient_notice SET subject_id = NULL WHERE subject_id = ANY(:subjects)");

    private RequestSettlement() {}
}
