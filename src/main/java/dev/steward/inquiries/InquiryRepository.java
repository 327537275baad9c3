package dev.steward.inquiries;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases and their replies. */
@Repository
class InquiryRepository {

    private static final RowMapper<InquiryCase> CASE = (rs, row) -> new InquiryCase(
            rs.getObject("id", UUID.class),
            new RecordId(rs.getObject("record_id", UUID.class)),
            new SubjectId(rs.getObject("subject_id", UUID.class)),
            rs.getString("site"),
            rs.getString("form"),
            rs.getString("activity"),
            rs.getString("recipient"),
            CaseStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            rs.getString("assignee"),
            instant(rs, "received_at"),
            instant(rs, "answered_at"),
            instant(rs, "closed_at"));

    private final JdbcClient jdbc;

    InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the case unless its record has one already (an event handled twice); answers whether it did. */
    boolean insert(InquiryCase inquiry) {
        return jdbc.sql("""
                        INSERT INTO inquiry_case (id, record_id, subject_id, site, form, activity, recipient, status,
                            received_at)
                        VALUES (:id, :record, :subject, :site, :form, :activity, :recipient, :status, :receivedAt)
                        ON CONFLICT (record_id) DO NOTHING
                        """)
                        .param("id", inquiry.id())
                        .param("record", inquiry.record().value())
                        .param("subject", inquiry.subject().value())
                        .param("site", inquiry.site())
                        .param("form", inquiry.form())
                        .param("activity", inquiry.activity())
                        .param("recipient", inquiry.recipient())
                        .param("status", inquiry.status().key())
                        .param("receivedAt", utc(inquiry.receivedAt()))
                        .update()
                == 1;
    }

    Optional<InquiryCase> find(UUID id) {
        return jdbc.sql("SELECT * FROM inquiry_case WHERE id = :id")
                .param("id", id)
                .query(CASE)
                .optional();
    }

    Optional<InquiryCase> ofRecord(RecordId record) {
        return jdbc.sql("SELECT * FROM inquiry_case WHERE record_id = :record")
                .param("record", record.value())
                .query(CASE)
                .optional();
    }

    /**
     * The newest cases first, on the given sites only (none: every site), of one site and status if asked.
     */
    List<InquiryCase> newest(Set<String> sites, @Nullable String site, @Nullable CaseStatus status, int limit) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new HashMap<>();
        if (!sites.isEmpty()) {
            conditions.add("site = ANY (:sites)");
            params.put("sites", sites.toArray(String[]::new));
        }
        if (site != null) {
            conditions.add("site = :site");
            params.put("site", site);
        }
        if (status != null) {
            conditions.add("status = :status");
            params.put("status", status.key());
        }
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM inquiry_case WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY received_at DESC, id LIMIT :limit")
                .params(params)
                .query(CASE)
                .list();
    }

    /** How many cases each site has in each status. */
    Map<String, Map<CaseStatus, Long>> counts() {
        Map<String, Map<CaseStatus, Long>> counts = new HashMap<>();
        jdbc.sql("SELECT site, status, count(*) AS cases FROM inquiry_case GROUP BY site, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("site"), site -> new HashMap<>())
                            .put(
                                    CaseStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                                    rs.getLong("cases"));
                });
        return counts;
    }

    /** Marks the case answered now, unless it was closed meanwhile; answers whether it did. */
    boolean answered(UUID id, Instant at) {
        return jdbc.sql("""
                        UPDATE inquiry_case SET status = 'answered', answered_at = :at
                        WHERE id = :id AND status <> 'closed'
                        """).param("id", id).param("at", utc(at)).update() == 1;
    }

    boolean assign(UUID id, @Nullable String assignee) {
        return jdbc.sql("UPDATE inquiry_case SET assignee = :assignee WHERE id = :id AND status <> 'closed'")
                        .param("id", id)
                        .param("assignee", assignee)
                        .update()
                == 1;
    }

    /** Closes the case unless it is closed already; answers whether it did. */
    boolean close(UUID id, Instant at) {
        return jdbc.sql("""
                        UPDATE inquiry_case SET status = 'closed', closed_at = :at
                        WHERE id = :id AND status <> 'closed'
                        """).param("id", id).param("at", utc(at)).update() == 1;
    }

    void insertReply(StoredReply reply) {
        jdbc.sql("""
                        INSERT INTO inquiry_reply (id, case_id, author, sent_at, mail_id, text_enc)
                        VALUES (:id, :caseId, :author, :sentAt, :mail, :text)
                        """)
                .param("id", reply.id())
                .param("caseId", reply.caseId())
                .param("author", reply.author())
                .param("sentAt", utc(reply.sentAt()))
                .param("mail", reply.mail())
                .param("text", reply.sealedText())
                .update();
    }

    List<StoredReply> replies(UUID caseId) {
        return jdbc.sql("SELECT * FROM inquiry_reply WHERE case_id = :caseId ORDER BY sent_at, id")
                .param("caseId", caseId)
                .query((rs, row) -> new StoredReply(
                        rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getString("author"),
                        instant(rs, "sent_at"),
                        rs.getObject("mail_id", UUID.class),
                        rs.getBytes("text_enc")))
                .list();
    }

    /** Deletes the subject's cases, their replies with them. */
    void moveToSubject(UUID caseId, SubjectId subject) {
        jdbc.sql("UPDATE inquiry_case SET subject_id = :subject WHERE id = :id")
                .param("id", caseId)
                .param("subject", subject.value())
                .update();
    }

    void resealReply(UUID replyId, byte[] sealed) {
        jdbc.sql("UPDATE inquiry_reply SET text_enc = :text WHERE id = :id")
                .param("id", replyId)
                .param("text", sealed)
                .update();
    }

    /** Erasing people deletes their cases and replies ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM inquiry_case WHERE subject_id = ANY(:subjects)";

    /**
     * Deletes the cases about the records given. A retention sweep's batch names 20,000 records, and most sites have
     * few inquiry cases or none: the look for any case first spares PostgreSQL a lookup of every id when there is
     * none, and the ids go as a {@code uuid[]} in binary rather than as 20,000 strings to render and parse
     * (bench/README.md, sweep4 of 2026-12-05, evening).
     */
    int deleteOfRecords(Collection<RecordId> records) {
        if (records.isEmpty()
                || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM inquiry_case)")
                        .query(Boolean.class)
                        .single()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM inquiry_case WHERE record_id = ANY(:records)")
                .param("records", records.stream().map(RecordId::value).toArray(UUID[]::new))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
