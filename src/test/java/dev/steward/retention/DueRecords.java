package dev.steward.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many due records at once, written straight into the vault's tables in two statements: each with a subject of its
 * own, as a sweep meets them in production. The ciphertexts and keys are placeholders; a sweep never opens them.
 * {@link #delete} removes the subjects again, since their placeholder keys open nothing.
 */
public record DueRecords(List<UUID> subjects, List<UUID> records) {

    public static DueRecords seed(JdbcClient jdbc, int count, String activity, String rule, Instant dueAt) {
        List<UUID> subjects = jdbc.sql("""
                        INSERT INTO data_subject (id, wrapped_key, created_at)
                        SELECT gen_random_uuid(), '\\x00'::bytea, :at FROM generate_series(1, :count)
                        RETURNING id
                        """)
                .param("at", dueAt.atOffset(ZoneOffset.UTC))
                .param("count", count)
                .query(UUID.class)
                .list();
        List<UUID> records = jdbc.sql("""
                        INSERT INTO personal_record (id, subject_id, site, activity, notice_version, legal_basis,
                            jurisdiction, collected_at, state, retention_rule, due_at, fields_enc)
                        SELECT gen_random_uuid(), s, 'lab', :activity, '1', 'gdpr-6-1-b', 'EU', :at, 'ACTIVE', :rule,
                               :due - (n % 3600) * interval '1 second', '\\x00'::bytea
                          FROM unnest(CAST(:subjects AS uuid[])) WITH ORDINALITY AS t(s, n)
                        RETURNING id
                        """)
                .param("activity", activity)
                .param("rule", rule)
                .param("at", dueAt.minusSeconds(86_400 * 2).atOffset(ZoneOffset.UTC))
                .param("due", dueAt.atOffset(ZoneOffset.UTC))
                .param("subjects", subjects.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
        return new DueRecords(subjects, records);
    }

    public long remaining(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM personal_record WHERE id = ANY(:ids)")
                .param("ids", records.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /** How many tombstones name each seeded record: one each, or the sweep processed something twice. */
    List<Long> tombstonesPerRecord(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM erasure_log, unnest(record_ids) AS r(id)
                         WHERE r.id = ANY(:ids) GROUP BY r.id
                        """)
                .param("ids", records.toArray(UUID[]::new))
                .query(Long.class)
                .list();
    }

    void delete(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM data_subject WHERE id = ANY(:ids)")
                .param("ids", subjects.toArray(UUID[]::new))
                .update();
    }
}
