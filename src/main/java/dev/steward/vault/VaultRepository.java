package dev.steward.vault;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import dev.steward.platform.CopyRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    void copyRecords(CopyRows rows) {
        copy.copy(recordsCopy(rows));
    }

    static BulkCopy.Pending recordsCopy(CopyRows rows) {
        return new BulkCopy.Pending("COPY personal_record (" + RECORD_COLUMNS + ", fields_enc) FROM STDIN", rows);
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

    /** Deletes the subject; its identifiers and records go with it (ON DELETE CASCADE). */
    boolean deleteSubject(SubjectId subject) {
        return jdbc.sql("DELETE FROM data_subject WHERE id = :id")
                        .param("id", subject.value())
                        .update()
                == 1;
    }

    int deleteRecords(List<RecordId> records) {
        return jdbc.sql("DELETE FROM personal_record WHERE id = ANY(:ids)")
                .param("ids", records.stream().map(RecordId::value).toArray(UUID[]::new))
                .update();
    }

    /**
     * A retention sweep's batch in one statement: claims up to {@code limit} records due at the instant, oldest due
     * first, except those given, skipping rows another transaction has locked (so nodes sweeping at once claim
     * disjoint batches); moves the due time of those whose statutory minimum has not passed to its end; deletes the
     * rest. Claiming and deleting together saves a round trip and the second lookup of every row: the delete finds
     * the claimed rows by their physical address ({@code ctid}), which the row lock keeps stable. The addresses go in
     * as an array, so the plan is a TID scan whatever the statistics say; joined, the planner estimates the claim at
     * its limit and may hash-join it against the whole table. Claimed records neither erased nor kept were changed
     * meanwhile by another transaction, so not found at their old address; the next batch claims them again.
     *
     * <p>The same statement tells which subjects the batch left without any record: every part of it sees the table
     * as it was before the delete, so a subject whose records, up to one more than the statement erased of them,
     * number no more than those erased has nothing else left. Asked here, each subject costs one index probe that
     * stops at its first records, and no second statement has to step over the rows just deleted. (Counting all the
     * batch's subjects in one index scan of {@code = ANY} of them was measured no faster, and it would read every
     * record of a person who has thousands.)
     *
     * <p>The parts come back one after another rather than joined: the planner estimates the claim at one row and,
     * joining, would compare each claimed record with each erased one.
     */
    Swept sweepDue(
            Instant now,
            int limit,
            SweepErasure.Share share,
            UUID[] exceptSubjects,
            UUID[] exceptRecords,
            List<StatutoryMinimum> minimums) {
        List<SweptRecord> erased = new ArrayList<>();
        List<SubjectId> alone = new ArrayList<>();
        int[] counts = new int[2]; // claimed, kept
        jdbc.sql("""
                        WITH claimed AS (
                            SELECT ctid AS address, id FROM personal_record
                             WHERE due_at <= :now AND NOT (subject_id = ANY(:subjects)) AND NOT (id = ANY(:records))
                               AND get_byte(uuid_send(subject_id), 15) % :shares = :share
                             ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED),
                        minimum AS (
                            SELECT * FROM unnest(CAST(:sites AS text[]), CAST(:rules AS text[]),
                                CAST(:spans AS text[])) AS m (site, rule, span)),
                        kept AS (
                            UPDATE personal_record p
                               SET due_at = (p.collected_at AT TIME ZONE 'UTC' + CAST(m.span AS INTERVAL)) AT TIME ZONE 'UTC'
                              FROM minimum m
                             WHERE p.ctid = ANY(ARRAY(SELECT address FROM claimed))
                               AND m.site = p.site AND m.rule = p.retention_rule
                               AND (p.collected_at AT TIME ZONE 'UTC' + CAST(m.span AS INTERVAL)) AT TIME ZONE 'UTC' > :now
                            RETURNING p.id),
                        erased AS (
                            DELETE FROM personal_record p
                             WHERE p.ctid = ANY(ARRAY(SELECT address FROM claimed))
                               AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.id = p.id)
                            RETURNING p.id, p.subject_id, p.site, p.activity, p.retention_rule, p.due_at),
                        gone AS (SELECT subject_id, count(*) AS n FROM erased GROUP BY subject_id)
                        SELECT 'erased', e.id, e.subject_id, e.site, e.activity, e.retention_rule,
                               CAST(extract(epoch FROM e.due_at) * 1000000 AS bigint), 1
                          FROM erased e
                        UNION ALL
                        SELECT 'alone', NULL, g.subject_id, NULL, NULL, NULL, NULL, 1 FROM gone g
                         WHERE (SELECT count(*) FROM (SELECT FROM personal_record r
                                 WHERE r.subject_id = g.subject_id LIMIT g.n + 1) AS x) <= g.n
                        UNION ALL
                        SELECT 'kept', NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM kept
                        UNION ALL
                        SELECT 'claimed', NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM claimed
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .param("share", share.index())
                .param("shares", share.of())
                .param("subjects", exceptSubjects)
                .param("records", exceptRecords)
                .param("sites", minimums.stream().map(StatutoryMinimum::site).toArray(String[]::new))
                .param(
                        "rules",
                        minimums.stream().map(StatutoryMinimum::retentionRule).toArray(String[]::new))
                .param(
                        "spans",
                        minimums.stream().map(m -> m.minimum().toString()).toArray(String[]::new))
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "erased" ->
                            erased.add(new SweptRecord(
                                    new RecordId(rs.getObject(2, UUID.class)),
                                    new SubjectId(rs.getObject(3, UUID.class)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    // microseconds since the epoch: a number reads faster than a timestamp's text
                                    Instant.EPOCH.plus(rs.getLong(7), ChronoUnit.MICROS)));
                        case "alone" -> alone.add(new SubjectId(rs.getObject(3, UUID.class)));
                        case "kept" -> counts[1] = rs.getInt(8);
                        default -> counts[0] = rs.getInt(8);
                    }
                });
        return new Swept(counts[0], erased, counts[1], alone);
    }

    /**
     * What a sweep's batch did: how many records it claimed, those it erased, how many it kept for a statutory
     * minimum, and the subjects whose every record it erased (to be looked at again under lock before erasing them:
     * a record added meanwhile is not seen).
     */
    record Swept(int claimed, List<SweptRecord> erased, int kept, List<SubjectId> leftWithoutRecords) {}

    /**
     * Those of the subjects left without any record, locked. The subjects given are those a sweep's batch found with
     * nothing left ({@link Swept#leftWithoutRecords()}); they are locked, in id order so that two batches never wait on
     * each other in a circle, and looked at again, since a record may have been added meanwhile. Each subject's first
     * record is looked up by index in a subquery of its own: as an anti-join the planner may read the whole table.
     */
    List<SubjectId> lockEmptySubjects(UUID[] subjects) {
        jdbc.sql("SELECT id FROM data_subject WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", subjects)
                .query(UUID.class)
                .list();
        return jdbc.sql("""
                        SELECT s.id FROM data_subject s
                         WHERE s.id = ANY(:ids)
                           AND (SELECT r.id FROM personal_record r WHERE r.subject_id = s.id LIMIT 1) IS NULL
                        """)
                .param("ids", subjects)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Deletes the subjects; their identifiers go with them (ON DELETE CASCADE). Answers how many there were. */
    int deleteSubjects(UUID[] subjects) {
        return jdbc.sql("DELETE FROM data_subject WHERE id = ANY(:ids)")
                .param("ids", subjects)
                .update();
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
                        SELECT DISTINCT subject_id FROM personal_record WHERE site = :site AND activity = ANY(:activities)
                        """)
                .param("site", site)
                .param("activities", activities.toArray(String[]::new))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
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
