package dev.steward.vault;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import dev.steward.platform.Canonical;
import dev.steward.platform.Chains;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The erasure log in the database: append-only, hash-chained tombstones. */
@Repository
class ErasureLogRepository {

    static final String CHAIN = "erasure";

    private final JdbcClient jdbc;
    private final BulkCopy bulk;
    private final Chains chains;

    ErasureLogRepository(JdbcClient jdbc, BulkCopy bulk, Chains chains) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.chains = chains;
    }

    long append(Tombstone tombstone) {
        return chains.append(CHAIN, new Chains.RowWriter() {
                    @Override
                    public byte[] canonical(long seq) {
                        return ErasureLogRepository.canonical(seq, tombstone);
                    }

                    @Override
                    public void insert(long seq, byte[] previousHash, byte[] hash) {
                        jdbc.sql("""
                                        INSERT INTO erasure_log (seq, id, subject_id, record_ids, subject_ids, activity, erased_at,
                                            reason, suppressed, prev_hash, hash)
                                        VALUES (:seq, :id, :subject, :records, :subjects, :activity, :at, :reason,
                                            :suppressed, :prev, :hash)
                                        """)
                                .param("seq", seq)
                                .param("id", tombstone.id())
                                .param(
                                        "subject",
                                        tombstone.subject() == null
                                                ? null
                                                : tombstone.subject().value())
                                .param(
                                        "records",
                                        tombstone.records() == null
                                                ? null
                                                : tombstone.records().stream()
                                                        .map(RecordId::value)
                                                        .toArray(UUID[]::new))
                                .param(
                                        "subjects",
                                        tombstone.subjects() == null
                                                ? null
                                                : tombstone.subjects().stream()
                                                        .map(SubjectId::value)
                                                        .toArray(UUID[]::new))
                                .param("activity", tombstone.activity())
                                .param("at", tombstone.erasedAt().atOffset(ZoneOffset.UTC))
                                .param("reason", tombstone.reason())
                                .param("suppressed", tombstone.suppressesIdentifiers())
                                .param("prev", previousHash)
                                .param("hash", hash)
                                .update();
                    }
                })
                .seq();
    }

    /**
     * Appends many tombstones in one chain step and one COPY, for a retention sweep's batch. A batch's tombstones
     * name thousands of records: their canonical bytes and COPY columns are made before the chain's head is locked, so
     * that the lock, which every other erasure waits for until this transaction commits, covers only the linking and
     * the COPY itself.
     */
    void appendAll(List<Tombstone> tombstones) {
        appendRendered(tombstones.stream().map(RenderedTombstone::of).toList());
    }

    /** As {@link #appendAll}, each tombstone's ids taken as written out where given. */
    void appendRendered(List<RenderedTombstone> tombstones) {
        List<Encoded> encoded = tombstones.stream().map(Encoded::of).toList();
        chains.appendAll(CHAIN, encoded, new Chains.BulkWriter<>() {
            @Override
            public byte[] canonical(Encoded tombstone, long seq) {
                return tombstone.canonical(seq);
            }

            @Override
            public void insertAll(List<Chains.Linked<Encoded>> rows) {
                copy(rows);
            }
        });
    }

    /**
     * A tombstone's canonical fields after its sequence number, and its COPY columns between seq and the hashes, in
     * COPY's binary form: a batch's ids go as 16 bytes each rather than text PostgreSQL parses, which made the text
     * COPY of a batch's tombstone several times as long, under the chain's lock (bench/README.md, sweep13).
     */
    private record Encoded(byte[] fields, BinaryCopyRows columns) {

        static Encoded of(RenderedTombstone rendered) {
            Tombstone tombstone = rendered.tombstone();
            String records = rendered.recordsText() != null
                    ? rendered.recordsText()
                    : tombstone.records() == null ? null : joined(tombstone.records());
            String subjects = rendered.subjectsText() != null
                    ? rendered.subjectsText()
                    : tombstone.subjects() == null ? null : joined(tombstone.subjects());
            BinaryCopyRows columns = new BinaryCopyRows()
                    .uuid(tombstone.id())
                    .uuid(
                            tombstone.subject() == null
                                    ? null
                                    : tombstone.subject().value())
                    .uuidArray(uuids(tombstone.records(), RecordId::value))
                    .uuidArray(uuids(tombstone.subjects(), SubjectId::value))
                    .text(tombstone.activity())
                    .timestamp(tombstone.erasedAt())
                    .text(tombstone.reason())
                    .bool(tombstone.suppressesIdentifiers());
            return new Encoded(afterSeq(tombstone, records, subjects), columns);
        }

        byte[] canonical(long seq) {
            return head(seq).addEncoded(fields).bytes();
        }
    }

    private static <T> @Nullable List<UUID> uuids(@Nullable List<T> ids, Function<T, UUID> uuid) {
        return ids == null ? null : ids.stream().map(uuid).toList();
    }

    private void copy(List<Chains.Linked<Encoded>> linked) {
        BinaryCopyRows rows = new BinaryCopyRows();
        for (Chains.Linked<Encoded> row : linked) {
            rows.row(11)
                    .int8(row.seq())
                    .columns(row.row().columns())
                    .bytea(row.previousHash())
                    .bytea(row.hash());
        }
        bulk.copy(new BulkCopy.Pending(
                "COPY erasure_log (seq, id, subject_id, record_ids, subject_ids, activity, erased_at, reason, suppressed,"
                        + " prev_hash, hash) FROM STDIN (FORMAT binary)",
                rows));
    }

    static byte[] canonical(long seq, Tombstone tombstone) {
        return head(seq)
                .addEncoded(afterSeq(
                        tombstone,
                        tombstone.records() == null ? null : joined(tombstone.records()),
                        tombstone.subjects() == null ? null : joined(tombstone.subjects())))
                .bytes();
    }

    private static Canonical head(long seq) {
        return Canonical.of("erasure").add("seq", seq);
    }

    /** The fields after seq; the record and subject ids joined by commas, as {@link #joined} joins them. */
    private static byte[] afterSeq(Tombstone tombstone, @Nullable String records, @Nullable String subjects) {
        Canonical canonical = Canonical.fields()
                .add("id", tombstone.id())
                .add("subject", tombstone.subject())
                .add("records", records)
                .add("activity", tombstone.activity())
                .add("at", tombstone.erasedAt())
                .add("reason", tombstone.reason());
        // only batches have it, so rows written before batches existed hash as they always did
        if (subjects != null) {
            canonical.add("subjects", subjects);
        }
        // likewise only erasures that suppressed identifiers have it
        if (tombstone.suppressesIdentifiers()) {
            canonical.add("suppressed", true);
        }
        return canonical.bytes();
    }

    boolean contains(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM erasure_log WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    Set<UUID> ids() {
        return Set.copyOf(
                jdbc.sql("SELECT id FROM erasure_log").query(UUID.class).list());
    }

    List<Tombstone> all() {
        return jdbc.sql("SELECT * FROM erasure_log ORDER BY seq")
                .query((rs, row) -> tombstone(rs))
                .list();
    }

    private static String joined(List<?> ids) {
        return ids.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    static Tombstone tombstone(ResultSet rs) throws SQLException {
        UUID subject = rs.getObject("subject_id", UUID.class);
        return new Tombstone(
                rs.getObject("id", UUID.class),
                subject == null ? null : new SubjectId(subject),
                ids(rs.getArray("record_ids"), RecordId::new),
                rs.getString("activity"),
                rs.getObject("erased_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"),
                ids(rs.getArray("subject_ids"), SubjectId::new),
                rs.getBoolean("suppressed") ? Boolean.TRUE : null);
    }

    private static <T> @Nullable List<T> ids(@Nullable Array array, Function<UUID, T> id) throws SQLException {
        return array == null
                ? null
                : Arrays.stream((UUID[]) array.getArray()).map(id).toList();
    }
}
