package dev.steward.vault;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for subjects and their records. Personal values only ever arrive here encrypted. */
@Repository
class VaultRepository {

    private static final String RECORD_COLUMNS = "id, subject_id, site, activity, notice_version, legal_basis,"
            + " jurisdiction, collected_at, state, retention_rule, due_at";

    private final JdbcClient jdbc;
    private final BulkCopy copy;

    VaultRepository(JdbcClient jdbc, BulkCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    void insertSubject(SubjectId subject, byte[] wrappedKey, Instant at) {
        jdbc.sql("INSERT INTO data_subject (id, wrapped_key, created_at) VALUES (:id, :key, :at)")
                .param("id", subject.value())
                .param("key", wrappedKey)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<byte[]> wrappedKey(SubjectId subject) {
        return jdbc.sql("SELECT wrapped_key FROM data_subject WHERE id = :id")
                .param("id", subject.value())
                .query(byte[].class)
                .optional();
    }

    Map<SubjectId, byte[]> wrappedKeys(List<SubjectId> subjects) {
        return jdbc
                .sql("SELECT id, wrapped_key FROM data_subject WHERE id = ANY(:ids)")
                .param("ids", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(new SubjectId(rs.getObject(1, UUID.class)), rs.getBytes(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<SubjectId> existingSubjects(List<SubjectId> subjects) {
        return jdbc.sql("SELECT id FROM data_subject WHERE id = ANY(:ids)")
                .param("ids", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    boolean subjectExists(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM data_subject WHERE id = :id")
                        .param("id", subject.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A subject's row for {@link #subjectsCopy}. */
    static BinaryCopyRows subjectRow(SubjectId id, byte[] wrappedKey, Instant createdAt) {
        return new BinaryCopyRows().row(3).uuid(id.value()).bytea(wrappedKey).timestamp(createdAt);
    }

    static BulkCopy.Pending subjectsCopy(BinaryCopyRows rows) {
        return new BulkCopy.Pending("COPY data_subject (id, wrapped_key, created_at) FROM STDIN (FORMAT binary)", rows);
    }

    void copyRecords(BinaryCopyRows rows) {
        copy.copy(recordsCopy(rows));
    }

    static BulkCopy.Pending recordsCopy(BinaryCopyRows rows) {
        return new BulkCopy.Pending(
                "COPY personal_record (" + RECORD_COLUMNS + ", fields_enc) FROM STDIN (FORMAT binary)", rows);
    }

    void insertRecord(RecordId id, SubjectId subject, NewRecord record, Instant collectedAt, byte[] fieldsEnc) {
        jdbc.sql("""
                        INSERT INTO personal_record (id, subject_id, site, activity, notice_version, legal_basis,
                            jurisdiction, collected_at, state, retention_rule, due_at, fields_enc)
                        VALUES (:id, :subject, :site, :activity, :notice, :basis, :jurisdiction, :at, :state, :rule, :due, :fields)
                        """)
                .param("id", id.value())
                .param("subject", subject.value())
                .param("site", record.site())
                .param("activity", record.activity())
                .param("notice", record.noticeVersion())
                .param("basis", record.legalBasis())
                .param("jurisdiction", record.jurisdiction())
                .param("at", collectedAt.atOffset(ZoneOffset.UTC))
                .param("state", record.state().name())
                .param("rule", record.retentionRule())
                .param("due", record.dueAt() == null ? null : record.dueAt().atOffset(ZoneOffset.UTC))
                .param("fields", fieldsEnc)
                .update();
    }

    Optional<RecordSummary> record(RecordId id) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM personal_record WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> summary(rs))
                .optional();
    }

    Optional<byte[]> fieldsOf(RecordId id) {
        return jdbc.sql("SELECT fields_enc FROM personal_record WHERE id = :id")
                .param("id", id.value())
                .query(byte[].class)
                .optional();
    }

    List<RecordSummary> records(SubjectId subject) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS
                        + " FROM personal_record WHERE subject_id = :subject ORDER BY collected_at, id")
                .param("subject", subject.value())
                .query((rs, row) -> summary(rs))
                .list();
    }

    /** Subjects after the given one (in id order) with a record in use or closed for one of the activities. */
    List<SubjectId> subjectsWithRecords(
            String site,
            Collection<String> activities,
            Collection<String> jurisdictions,
            Instant collectedBefore,
            UUID after,
            int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT subject_id FROM personal_record
                        WHERE site = :site AND activity IN (:activities) AND jurisdiction IN (:jurisdictions)
                          AND state <> 'AWAITING_PARENT' AND collected_at < :before AND subject_id > :after
                        ORDER BY subject_id LIMIT :limit
                        """)
                .param("site", site)
                .param("activities", activities)
                .param("jurisdictions", jurisdictions)
                .param("before", collectedBefore.atOffset(ZoneOffset.UTC))
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    void updateFields(RecordId id, byte[] fieldsEnc) {
        jdbc.sql("UPDATE personal_record SET fields_enc = :fields WHERE id = :id")
                .param("id", id.value())
                .param("fields", fieldsEnc)
                .update();
    }

    /** Gives the record to another subject, with its fields encrypted anew under that subject's key. */
    void moveRecord(RecordId id, SubjectId to, byte[] fieldsEnc) {
        jdbc.sql("UPDATE personal_record SET subject_id = :subject, fields_enc = :fields WHERE id = :id")
                .param("id", id.value())
                .param("subject", to.value())
                .param("fields", fieldsEnc)
                .update();
    }

    /**
     * Deletes the subject; its identifiers and records go with it (ON DELETE CASCADE), the sites it was known on in the
     * same statement (no foreign key: a rights request may name a subject erased meanwhile).
     */
    boolean deleteSubject(SubjectId subject) {
        return jdbc.sql("""
                        WITH sites AS (DELETE FROM subject_site WHERE subject_id = :id)
                        DELETE FROM data_subject WHERE id = :id
                        """).param("id", subject.value()).update() == 1;
    }

    int deleteRecords(List<RecordId> records) {
        return jdbc.sql("DELETE FROM personal_record WHERE id = ANY(:ids)")
                .param("ids", records.stream().map(RecordId::value).toArray(UUID[]::new))
                .update();
    }

    /**
     * Deletes the subjects; their identifiers go with them (ON DELETE CASCADE), the sites they were known on in the same
     * statement. Answers how many there were.
     */
    int deleteSubjects(UUID[] subjects) {
        return jdbc.sql("""
                        WITH sites AS (DELETE FROM subject_site WHERE subject_id = ANY(:ids))
                        DELETE FROM data_subject WHERE id = ANY(:ids)
                        """).param("ids", subjects).update();
    }

    /** Every subject key, in batches, for re-wrapping under a new master key. */
    void forEachWrappedKey(int batch, Consumer<List<WrappedKey>> consumer) {
        UUID after = new UUID(0L, 0L); // the smallest UUID in PostgreSQL's unsigned byte order
        while (true) {
            List<WrappedKey> keys = jdbc.sql(
                            "SELECT id, wrapped_key FROM data_subject WHERE id > :after ORDER BY id LIMIT :batch")
                    .param("after", after)
                    .param("batch", batch)
                    .query((rs, row) -> new WrappedKey(new SubjectId(rs.getObject(1, UUID.class)), rs.getBytes(2)))
                    .list();
            if (keys.isEmpty()) {
                return;
            }
            consumer.accept(keys);
            after = keys.get(keys.size() - 1).subject().value();
        }
    }

    void replaceWrappedKey(SubjectId subject, byte[] wrapped) {
        jdbc.sql("UPDATE data_subject SET wrapped_key = :key WHERE id = :id")
                .param("id", subject.value())
                .param("key", wrapped)
                .update();
    }

    List<SubjectId> withRecords(String site, Collection<String> activities) {
        return jdbc.sql("""
                        SELECT DISTINCT subject_id FROM personal_record
                        WHERE site = :site AND activity = ANY(:activities) AND state <> 'AWAITING_PARENT'
                        """)
                .param("site", site)
                .param("activities", activities.toArray(String[]::new))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Those of the subjects holding such a record now, as {@link #withRecords} finds them. */
    Set<SubjectId> holdingRecords(String site, Collection<String> activities, Collection<SubjectId> subjects) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT subject_id FROM personal_record
                        WHERE subject_id = ANY(:subjects) AND site = :site AND activity = ANY(:activities)
                          AND state <> 'AWAITING_PARENT'
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("site", site)
                .param("activities", activities.toArray(String[]::new))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list());
    }

    List<SubjectId> randomSubjects(int count) {
        return jdbc.sql("SELECT id FROM data_subject ORDER BY random() LIMIT :count")
                .param("count", count)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    long subjectCount() {
        return jdbc.sql("SELECT count(*) FROM data_subject").query(Long.class).single();
    }

    private static RecordSummary summary(ResultSet rs) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new RecordSummary(
                new RecordId(rs.getObject("id", UUID.class)),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                rs.getString("site"),
                rs.getString("activity"),
                rs.getString("notice_version"),
                rs.getString("legal_basis"),
                rs.getString("jurisdiction"),
                rs.getObject("collected_at", OffsetDateTime.class).toInstant(),
                RecordState.valueOf(rs.getString("state")),
                rs.getString("retention_rule"),
                due == null ? null : due.toInstant());
    }

    record WrappedKey(SubjectId subject, byte[] wrapped) {}
}
