package dev.steward.mail;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the outbox. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutboxMessage message) {
        withMessage("""
                        INSERT INTO mail_message (id, message_id, site, subject_id, kind, category, purpose, status,
                            attempts, next_attempt_at, last_error, created_at, envelope_enc)
                        VALUES (:id, :messageId, :site, :subject, :kind, :category, :purpose, :status, 0, :next, :error,
                            :created, :envelope)
                        """, message)
                .param("status", message.status().key())
                .param("next", utc(message.nextAttemptAt()))
                .param("error", message.lastError())
                .param("created", utc(message.createdAt()))
                .update();
    }

    /**
     * Keeps a message another job delivered itself, as sent through the transport; a second delivery of the same
     * message (after a crash) keeps the first.
     */
    void insertDelivered(OutboxMessage message, String transport) {
        withMessage("""
                        INSERT INTO mail_message (id, message_id, site, subject_id, kind, category, purpose, status,
                            attempts, transport, created_at, sent_at, envelope_enc)
                        VALUES (:id, :messageId, :site, :subject, :kind, :category, :purpose, 'sent', 1, :transport,
                            :at, :at, :envelope)
                        ON CONFLICT (id) DO NOTHING
                        """, message)
                .param("transport", transport)
                .param("at", utc(message.createdAt()))
                .update();
    }

    /** The statement with the message's own columns bound: what it is, whom it concerns, and its sealed envelope. */
    private JdbcClient.StatementSpec withMessage(String sql, OutboxMessage message) {
        return jdbc.sql(sql)
                .param("id", message.id())
                .param("messageId", message.messageId())
                .param("site", message.site())
                .param("subject", message.subject().value())
                .param("kind", message.kind().key())
                .param("category", message.category())
                .param("purpose", message.purpose())
                .param("envelope", message.envelope());
    }

    /** The messages with these ids that still wait to go out or are held; erased and settled ones are left out. */
    List<OutboxMessage> waiting(Collection<UUID> ids) {
        return jdbc.sql("SELECT * FROM mail_message WHERE id = ANY(:ids) AND status IN ('queued', 'held')")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> message(rs))
                .list();
    }

    /** Every message to the subject, newest first; the envelope (the content) stays out. */
    List<OutboxMessage> ofSubject(SubjectId subject) {
        return jdbc.sql("""
                        SELECT id, message_id, site, subject_id, kind, category, purpose, status, attempts,
                               next_attempt_at, last_error, transport, created_at, sent_at, NULL AS envelope_enc
                          FROM mail_message WHERE subject_id = :subject ORDER BY created_at DESC
                        """)
                .param("subject", subject.value())
                .query((rs, row) -> message(rs))
                .list();
    }

    Optional<MailStatus> status(UUID id) {
        return jdbc.sql("SELECT status FROM mail_message WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> MailStatus.ofKey(rs.getString("status")))
                .optional();
    }

    Map<MailStatus, Long> statusCounts(Collection<UUID> ids) {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM mail_message WHERE id = ANY(:ids) GROUP BY status")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    counts.put(MailStatus.ofKey(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    void markSent(UUID id, int attempts, String transport, Instant at) {
        jdbc.sql("""
                        UPDATE mail_message SET status = 'sent', attempts = :attempts, transport = :transport,
                            sent_at = :at, next_attempt_at = NULL, last_error = NULL,
                            envelope_enc = CASE WHEN category = :afterErasure AND CAST(:transport AS TEXT) <> :devMailbox
                                                THEN NULL ELSE envelope_enc END
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("transport", transport)
                .param("at", utc(at))
                .param("afterErasure", OutgoingMail.AFTER_ERASURE)
                .param("devMailbox", DevMailbox.NAME)
                .update();
    }

    void markHeld(UUID id, Instant recheck) {
        jdbc.sql("UPDATE mail_message SET status = 'held', next_attempt_at = :recheck WHERE id = :id")
                .param("id", id)
                .param("recheck", utc(recheck))
                .update();
    }

    /** A dropped message keeps why, not what: its envelope goes. */
    void markDropped(UUID id, String reason) {
        jdbc.sql("""
                        UPDATE mail_message SET status = 'dropped', next_attempt_at = NULL, last_error = :reason,
                            envelope_enc = NULL
                        WHERE id = :id
                        """).param("id", id).param("reason", reason).update();
    }

    void markRetry(UUID id, int attempts, Instant next, String error) {
        jdbc.sql("""
                        UPDATE mail_message SET status = 'queued', attempts = :attempts, next_attempt_at = :next,
                            last_error = :error
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("next", utc(next))
                .param("error", error)
                .update();
    }

    void markFailed(UUID id, int attempts, String error) {
        jdbc.sql("""
                        UPDATE mail_message SET status = 'failed', attempts = :attempts, next_attempt_at = NULL,
                            last_error = :error
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("error", error)
                .update();
    }

    /**
     * Deletes a message whose subject's key is gone (an erasure the outbox did not hear of): a notice change's that had
     * not left is kept as lost, as an erasure keeps it.
     */
    void delete(UUID id, Instant at) {
        jdbc.sql(KEEP_LOST.formatted("id = :id") + ";\nDELETE FROM mail_message WHERE id = :id")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    /**
     * Keeps that a waiting notice-change message was lost with its subject's erasure: its id and category only
     * ({@link OutgoingMail#NOTICE_CHANGE}).
     */
    private static final String KEEP_LOST = "INSERT INTO mail_lost (id, category, lost_at)"
            + " SELECT id, category, :at FROM mail_message WHERE %s"
            + " AND category = '" + OutgoingMail.NOTICE_CHANGE + "' AND status IN ('queued', 'held')"
            + " ON CONFLICT (id) DO NOTHING";

    /**
     * Erasing people deletes their messages, except the one that tells them of the erasure, keeping which of them
     * were lost before they left where their sender must hear of it ({@link dev.steward.vault.SubjectRows}).
     */
    static final List<String> DELETE_OF_SUBJECTS = List.of(
            KEEP_LOST.formatted("subject_id = ANY(:subjects)"),
            "DELETE FROM mail_message WHERE subject_id = ANY(:subjects)" + " AND category IS DISTINCT FROM '"
                    + OutgoingMail.AFTER_ERASURE + "'");

    /** The messages of the category lost with their subject's erasure before they left, oldest first. */
    List<LostMail> lost(String category, int limit) {
        return jdbc.sql(
                        "SELECT id, lost_at FROM mail_lost WHERE category = :category ORDER BY lost_at, id LIMIT :limit")
                .param("category", category)
                .param("limit", limit)
                .query((rs, row) -> new LostMail(
                        rs.getObject("id", UUID.class),
                        rs.getObject("lost_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    void forgetLost(Collection<UUID> ids) {
        jdbc.sql("DELETE FROM mail_lost WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /**
     * Streams messages newest first, on the given sites only (none given: every site), optionally on one site; the
     * stream is closed when the reader returns.
     */
    <T> T newest(Set<String> sites, @Nullable String site, Function<Stream<OutboxMessage>, T> reader) {
        try (Stream<OutboxMessage> messages = jdbc
                .sql("""
                        SELECT * FROM mail_message
                        WHERE (CAST(:site AS TEXT) IS NULL OR site = :site)
                          AND (:everySite OR site = ANY(:sites))
                        ORDER BY created_at DESC, id
                        """)
                .param("site", site)
                .param("everySite", sites.isEmpty())
                .param("sites", sites.toArray(String[]::new))
                .withFetchSize(100)
                .query((rs, row) -> message(rs))
                .stream()) {
            return reader.apply(messages);
        }
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("SELECT * FROM mail_message WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> message(rs))
                .optional();
    }

    /** Messages on the given sites (none given: every site) created since {@code since} whose every attempt failed. */
    long failedSince(Set<String> sites, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM mail_message
                        WHERE status = 'failed' AND created_at >= :since AND (:everySite OR site = ANY(:sites))
                        """)
                .param("since", utc(since))
                .param("everySite", sites.isEmpty())
                .param("sites", sites.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** How many messages of each kind wait to go out (status queued) or are held, over all nodes. */
    Map<MailKind, Map<MailStatus, Long>> backlog() {
        Map<MailKind, Map<MailStatus, Long>> backlog = new EnumMap<>(MailKind.class);
        jdbc.sql("""
                        SELECT kind, status, count(*) AS messages FROM mail_message
                        WHERE status IN ('queued', 'held') GROUP BY kind, status
                        """).query(rs -> {
            backlog.computeIfAbsent(MailKind.ofKey(rs.getString("kind")), kind -> new EnumMap<>(MailStatus.class))
                    .put(MailStatus.ofKey(rs.getString("status")), rs.getLong("messages"));
        });
        return backlog;
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                rs.getString("message_id"),
                rs.getString("site"),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                MailKind.ofKey(rs.getString("kind")),
                rs.getString("category"),
                rs.getString("purpose"),
                MailStatus.ofKey(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                rs.getString("last_error"),
                rs.getString("transport"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("sent_at", OffsetDateTime.class)),
                rs.getBytes("envelope_enc"));
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
