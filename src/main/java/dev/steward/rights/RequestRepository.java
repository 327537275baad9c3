package dev.steward.rights;

import static dev.steward.rights.RightsColumns.at;
import static dev.steward.rights.RightsColumns.instant;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of rights requests ({@code rights_request}), one at a time and across them: what is still open per site and
 * type, per address and per subject, and what the same address asked before, found by its blind index. A request's
 * history is {@link RequestEventRepository}'s; how a row reads as a request, {@link RequestRows}.
 */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Verification(byte[] tokenHash, byte[] codeHash, Instant expiresAt) {}

    /**
     * @param emailIndex the blind index of the address the request names, to link requests by it
     * @param mailboxIndex the blind index of the mailbox it reaches ({@code EmailAddresses.mailbox}), to count them by
     */
    void insert(
            RightsRequest request,
            byte[] emailIndex,
            byte[] mailboxIndex,
            byte[] details,
            byte[] statusTokenHash,
            Verification verification) {
        jdbc.sql("""
                        INSERT INTO rights_request (id, site, jurisdiction, type, status, subject_id, email_index,
                            mailbox_index, details_enc, status_token_hash, verification_token_hash,
                            verification_code_hash, verification_expires_at, created_at, language)
                        VALUES (:id, :site, :jurisdiction, :type, :status, :subject, :email, :mailbox, :details,
                            :statusToken, :token, :code, :expires, :created, :language)
                        """)
                .param("language", request.language())
                .param("email", emailIndex)
                .param("mailbox", mailboxIndex)
                .param("id", request.id())
                .param("site", request.site())
                .param("jurisdiction", request.jurisdiction())
                .param("type", request.typeKey())
                .param("status", request.status().key())
                .param("subject", request.subject().value())
                .param("details", details)
                .param("statusToken", statusTokenHash)
                .param("token", verification.tokenHash())
                .param("code", verification.codeHash())
                .param("expires", at(verification.expiresAt()))
                .param("created", at(request.createdAt()))
                .update();
    }

    Optional<RightsRequest> find(UUID id) {
        return one("id = :key", id);
    }

    Optional<RightsRequest> byStatusToken(byte[] hash) {
        return one("status_token_hash = :key", hash);
    }

    Optional<RightsRequest> byVerificationToken(byte[] hash) {
        return one("verification_token_hash = :key", hash);
    }

    private Optional<RightsRequest> one(String condition, Object key) {
        return jdbc.sql("SELECT * FROM rights_request WHERE " + condition)
                .param("key", key)
                .query(RequestRows::request)
                .optional();
    }

    Optional<byte[]> details(UUID id) {
        return jdbc.sql("SELECT details_enc FROM rights_request WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    Optional<Verification> verification(UUID id) {
        return jdbc.sql("""
                        SELECT verification_token_hash, verification_code_hash, verification_expires_at FROM rights_request
                        WHERE id = :id AND verification_code_hash IS NOT NULL
                        """)
                .param("id", id)
                .query((rs, row) ->
                        new Verification(rs.getBytes(1), rs.getBytes(2), instant(rs, "verification_expires_at")))
                .optional();
    }

    /** Counts a wrong code; answers how many wrong codes were entered. */
    int wrongCode(UUID id) {
        return jdbc.sql("UPDATE rights_request SET verification_attempts = verification_attempts + 1 WHERE id = :id"
                        + " RETURNING verification_attempts")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /**
     * Marks the request verified, if it still waited: of two concurrent confirmations one wins. The link's hash stays,
     * so that opening the link again can say it was used.
     */
    boolean received(UUID id, Instant at, Instant due, @Nullable UUID duplicateOf, boolean repeated) {
        return jdbc.sql("""
                        UPDATE rights_request SET status = 'received', received_at = :at, due_at = :due,
                            duplicate_of = :duplicate, repeated = :repeated, verification_code_hash = NULL,
                            verification_expires_at = NULL
                        WHERE id = :id AND status = 'awaiting-verification'
                        """)
                        .param("id", id)
                        .param("at", at(at))
                        .param("due", at(due))
                        .param("duplicate", duplicateOf)
                        .param("repeated", repeated)
                        .update()
                == 1;
    }

    void close(UUID id, RequestStatus status, Instant at, String outcome) {
        jdbc.sql("UPDATE rights_request SET status = :status, closed_at = :at, outcome = :outcome WHERE id = :id")
                .param("id", id)
                .param("status", status.key())
                .param("at", at(at))
                .param("outcome", outcome)
                .update();
    }

    void extend(UUID id, Instant to) {
        jdbc.sql("UPDATE rights_request SET extended_to = :to WHERE id = :id")
                .param("id", id)
                .param("to", at(to))
                .update();
    }

    void assign(UUID id, @Nullable String assignee) {
        jdbc.sql("UPDATE rights_request SET assignee = :assignee WHERE id = :id")
                .param("id", id)
                .param("assignee", assignee)
                .update();
    }

    void fee(UUID id, @Nullable String fee) {
        jdbc.sql("UPDATE rights_request SET fee = :fee WHERE id = :id")
                .param("id", id)
                .param("fee", fee)
                .update();
    }

    List<RightsRequest> queue(Collection<String> sites, @Nullable RequestStatus status) {
        return jdbc.sql("""
                        SELECT * FROM rights_request WHERE site = ANY(:sites)
                          AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                        ORDER BY coalesce(extended_to, due_at, created_at), created_at
                        """)
                .param("sites", sites.toArray(String[]::new))
                .param("status", status == null ? null : status.key())
                .query(RequestRows::request)
                .list();
    }

    List<RightsRequest> of(SubjectId subject) {
        return jdbc.sql("SELECT * FROM rights_request WHERE subject_id = :subject ORDER BY created_at")
                .param("subject", subject.value())
                .query(RequestRows::request)
                .list();
    }

    /** The language of the newest request on the site naming the address, for those that kept one. */
    Optional<String> lastLanguage(byte[] emailIndex, String site) {
        return jdbc.sql("""
                        SELECT language FROM rights_request
                        WHERE email_index = :email AND site = :site AND language IS NOT NULL
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param("email", emailIndex)
                .param("site", site)
                .query(String.class)
                .optional();
    }

    /** Requests never verified in time. */
    List<RightsRequest> unverifiedBefore(Instant now) {
        return jdbc.sql(
                        "SELECT * FROM rights_request WHERE status = 'awaiting-verification' AND verification_expires_at < :now")
                .param("now", at(now))
                .query(RequestRows::request)
                .list();
    }

    /** Ends a request still waiting for its address's proof; false where it no longer waits (confirmed meanwhile). */
    boolean expire(UUID id, Instant at, String outcome) {
        return jdbc.sql("""
                        UPDATE rights_request SET status = 'expired', closed_at = :at, outcome = :outcome,
                            verification_code_hash = NULL
                        WHERE id = :id AND status = 'awaiting-verification'
                        """)
                        .param("id", id)
                        .param("at", at(at))
                        .param("outcome", outcome)
                        .update()
                == 1;
    }

    /**
     * Ends, as not asked by the address's owner, a request still waiting for its proof or one that wrong codes ended
     * since {@code wrongCodesSince} (such a request counts as waiting, {@link #awaitingVerification}); false otherwise.
     */
    boolean decline(UUID id, Instant at, Instant wrongCodesSince) {
        return jdbc.sql("""
                        UPDATE rights_request SET status = 'expired', closed_at = :at, outcome = :declined,
                            verification_code_hash = NULL
                        WHERE id = :id
                          AND (status = 'awaiting-verification'
                               OR (status = 'expired' AND outcome = :wrongCodes AND closed_at > :since))
                        """)
                        .param("id", id)
                        .param("at", at(at))
                        .param("declined", RightsRequest.DECLINED)
                        .param("wrongCodes", RightsRequest.WRONG_CODES)
                        .param("since", at(wrongCodesSince))
                        .update()
                == 1;
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

    /**
     * How many requests naming an address of the mailbox wait for their confirmation, counting those cancelled for too
     * many wrong codes since {@code since} as still waiting: filing again at once would mail the address again.
     */
    long awaitingVerification(byte[] mailboxIndex, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM rights_request
                        WHERE mailbox_index = :email
                          AND (status = 'awaiting-verification'
                               OR (status = 'expired' AND outcome = :wrongCodes AND closed_at > :since))
                        """)
                .param("email", mailboxIndex)
                .param("wrongCodes", RightsRequest.WRONG_CODES)
                .param("since", at(since))
                .query(Long.class)
                .single();
    }

    /** The blind index of the address the request names. */
    Optional<byte[]> emailIndex(UUID id) {
        return jdbc.sql("SELECT email_index FROM rights_request WHERE id = :id AND email_index IS NOT NULL")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    /**
     * Holds the address's lock until the transaction ends: counting its waiting requests or wrong codes and adding
     * one is then one step, even when a client sends many at once, on any node.
     */
    void lockAddress(byte[] emailIndex) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('rights-address:' || encode(:email, 'hex'), 0))")
                .param("email", emailIndex)
                .query()
                .singleRow();
    }

    /**
     * Subject {@code s.id} has a request still open, awaiting verification or received and not answered
     * ({@link dev.steward.vault.SubjectKeepers}).
     */
    static final String HAS_OPEN_REQUEST = "EXISTS (SELECT 1 FROM rights_request q WHERE q.subject_id = s.id"
            + " AND q.status IN ('awaiting-verification', 'received'))";
}
