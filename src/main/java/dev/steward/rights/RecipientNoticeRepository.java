package dev.steward.rights;

import static dev.steward.rights.RightsColumns.at;
import static dev.steward.rights.RightsColumns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecipientNoticeRepository {

    private final JdbcClient jdbc;

    RecipientNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RecipientNotice notice, byte[] payload) {
        jdbc.sql("""
                        INSERT INTO recipient_notice (id, request_id, subject_id, site, recipient, change, channel, status,
                            next_attempt_at, payload_enc, created_at)
                        VALUES (:id, :request, :subject, :site, :recipient, :change, :channel, 'pending', :next, :payload, :at)
                        """)
                .param("id", notice.id())
                .param("request", notice.request())
                .param("subject", notice.subject().value())
                .param("site", notice.site())
                .param("recipient", notice.recipient())
                .param("change", notice.change().key())
                .param("channel", lower(notice.channel()))
                .param("next", at(notice.nextAttemptAt()))
                .param("payload", payload)
                .param("at", at(notice.createdAt()))
                .update();
    }

    Optional<RecipientNotice> find(UUID id) {
        return jdbc.sql("SELECT * FROM recipient_notice WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> notice(rs))
                .optional();
    }

    Optional<byte[]> payload(UUID id) {
        return jdbc.sql("SELECT payload_enc FROM recipient_notice WHERE id = :id AND payload_enc IS NOT NULL")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    List<RecipientNotice> ofRequest(UUID request) {
        return jdbc.sql("SELECT * FROM recipient_notice WHERE request_id = :request ORDER BY created_at, recipient")
                .param("request", request)
                .query((rs, row) -> notice(rs))
                .list();
    }

    List<RecipientNotice> pendingTasks(List<String> sites) {
        return jdbc.sql("""
                        SELECT * FROM recipient_notice WHERE channel = 'manual' AND status = 'pending' AND site = ANY(:sites)
                        ORDER BY created_at
                        """)
                .param("sites", sites.toArray(String[]::new))
                .query((rs, row) -> notice(rs))
                .list();
    }

    /** Staff confirmed they told the recipient: the notice is done and the payload naming the person goes. */
    void confirmed(UUID id, Instant at, String by) {
        jdbc.sql("""
                        UPDATE recipient_notice SET status = 'confirmed', told_at = :at, told_by = :by, payload_enc = NULL,
                            next_attempt_at = NULL
                        WHERE id = :id
                        """).param("id", id).param("at", at(at)).param("by", by).update();
    }

    /** The recipient's endpoint answered 2xx: the notice is done and the payload naming the person goes. */
    void acknowledged(UUID id, int attempts, Instant at) {
        jdbc.sql("""
                        UPDATE recipient_notice SET status = 'acknowledged', told_at = :at, payload_enc = NULL,
                            next_attempt_at = NULL, attempts = :attempts
                        WHERE id = :id AND status = 'pending'
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("at", at(at))
                .update();
    }

    void retryAt(UUID id, int attempts, Instant next) {
        jdbc.sql("UPDATE recipient_notice SET attempts = :attempts, next_attempt_at = :next WHERE id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("next", at(next))
                .update();
    }

    /** The endpoint kept failing: the notice becomes a task for staff, who tell the recipient by hand. */
    void handOver(UUID id, int attempts) {
        jdbc.sql("""
                        UPDATE recipient_notice SET attempts = :attempts, channel = 'manual', next_attempt_at = NULL
                        WHERE id = :id
                        """).param("id", id).param("attempts", attempts).update();
    }

    void delivery(UUID notice, Instant at, @Nullable Integer statusCode, @Nullable String error) {
        jdbc.sql("""
                        INSERT INTO recipient_notice_delivery (notice_id, attempted_at, status_code, error)
                        VALUES (:notice, :at, :code, :error)
                        """)
                .param("notice", notice)
                .param("at", at(at))
                .param("code", statusCode)
                .param("error", error)
                .update();
    }

    record Delivery(
            Instant attemptedAt,
            @Nullable Integer statusCode,
            @Nullable String error) {}

    List<Delivery> deliveries(UUID notice) {
        return jdbc.sql(
                        "SELECT attempted_at, status_code, error FROM recipient_notice_delivery WHERE notice_id = :id ORDER BY id")
                .param("id", notice)
                .query((rs, row) -> new Delivery(
                        rs.getObject(1, OffsetDateTime.class).toInstant(), (Integer) rs.getObject(2), rs.getString(3)))
                .list();
    }

    private static RecipientNotice notice(ResultSet rs) throws SQLException {
        return new RecipientNotice(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                RightsColumns.subject(rs),
                rs.getString("site"),
                rs.getString("recipient"),
                RecipientNotice.Change.valueOf(
                        rs.getString("change").toUpperCase(Locale.ROOT).replace('-', '_')),
                RecipientNotice.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                RecipientNotice.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "created_at"),
                instant(rs, "told_at"),
                rs.getString("told_by"));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
