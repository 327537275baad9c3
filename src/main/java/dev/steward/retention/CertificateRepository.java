package dev.steward.retention;

import dev.steward.platform.Canonical;
import dev.steward.platform.Chains;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deletion certificates: append-only, hash-chained. The counts are stored as the exact JSON text that was hashed,
 * so verification reads back the bytes it hashed.
 */
@Repository
class CertificateRepository {

    static final String CHAIN = "deletion-certificates";
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Chains chains;
    private final JsonMapper json;

    CertificateRepository(JdbcClient jdbc, Chains chains, JsonMapper json) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.json = json;
    }

    /** What a sweep run reports, before it has a place in the chain. */
    record Draft(
            UUID id,
            String initiator,
            Instant sweptUntil,
            Instant startedAt,
            Instant finishedAt,
            long elapsedMillis,
            int batches,
            long recordsErased,
            long recordsKept,
            String byActivity,
            String byCategory,
            String otherData,
            @Nullable Instant dueFrom,
            @Nullable Instant dueTo,
            @Nullable Run run) {}

    /**
     * The run a certificate covers, as certificates name it since they are built from committed batches (older ones
     * have none): its id, whether it died before it could certify itself, and the erasure log's tombstones naming
     * each record it erased.
     */
    record Run(UUID id, boolean interrupted, List<UUID> tombstones) {}

    String counts(Map<String, Long> counts) {
        return json.writeValueAsString(counts);
    }

    long append(Draft draft) {
        return chains.append(CHAIN, new Chains.RowWriter() {
                    @Override
                    public byte[] canonical(long seq) {
                        return CertificateRepository.canonical(seq, draft);
                    }

                    @Override
                    public void insert(long seq, byte[] previousHash, byte[] hash) {
                        jdbc.sql("""
                                        INSERT INTO deletion_certificate (seq, id, initiator, swept_until, started_at,
                                            finished_at, elapsed_ms, batches, records_erased, records_kept, by_activity,
                                            by_category, other_data, due_from, due_to, run_id, interrupted, tombstone_ids,
                                            prev_hash, hash)
                                        VALUES (:seq, :id, :initiator, :until, :started, :finished, :elapsed, :batches,
                                            :erased, :kept, :activity, :category, :other, :from, :to, :run,
                                            :interrupted, :tombstones, :prev, :hash)
                                        """)
                                .param("seq", seq)
                                .param("id", draft.id())
                                .param("initiator", draft.initiator())
                                .param("until", utc(draft.sweptUntil()))
                                .param("started", utc(draft.startedAt()))
                                .param("finished", utc(draft.finishedAt()))
                                .param("elapsed", draft.elapsedMillis())
                                .param("batches", draft.batches())
                                .param("erased", draft.recordsErased())
                                .param("kept", draft.recordsKept())
                                .param("activity", draft.byActivity())
                                .param("category", draft.byCategory())
                                .param("other", draft.otherData())
                                .param("from", utc(draft.dueFrom()))
                                .param("to", utc(draft.dueTo()))
                                .param(
                                        "run",
                                        draft.run() == null ? null : draft.run().id())
                                .param(
                                        "interrupted",
                                        draft.run() != null && draft.run().interrupted())
                                .param(
                                        "tombstones",
                                        draft.run() == null
                                                ? null
                                                : draft.run().tombstones().toArray(UUID[]::new))
                                .param("prev", previousHash)
                                .param("hash", hash)
                                .update();
                    }
                })
                .seq();
    }

    Optional<DeletionCertificate> find(UUID id) {
        return jdbc.sql("SELECT * FROM deletion_certificate WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> certificate(rs))
                .optional();
    }

    List<DeletionCertificate> recent(int limit) {
        return jdbc.sql("SELECT * FROM deletion_certificate ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> certificate(rs))
                .list();
    }

    static byte[] canonical(long seq, Draft draft) {
        Canonical canonical = Canonical.of("deletion-certificate")
                .add("seq", seq)
                .add("id", draft.id())
                .add("initiator", draft.initiator())
                .add("sweptUntil", draft.sweptUntil())
                .add("startedAt", draft.startedAt())
                .add("finishedAt", draft.finishedAt())
                .add("elapsedMillis", draft.elapsedMillis())
                .add("batches", draft.batches())
                .add("recordsErased", draft.recordsErased())
                .add("recordsKept", draft.recordsKept())
                .add("byActivity", draft.byActivity())
                .add("byCategory", draft.byCategory())
                .add("otherData", draft.otherData())
                .add("dueFrom", draft.dueFrom())
                .add("dueTo", draft.dueTo());
        // only certificates built from committed batches name their run, so older ones hash as they always did
        if (draft.run() != null) {
            canonical
                    .add("run", draft.run().id())
                    .add("interrupted", draft.run().interrupted())
                    .add(
                            "tombstones",
                            draft.run().tombstones().stream()
                                    .map(UUID::toString)
                                    .collect(Collectors.joining(",")));
        }
        return canonical.bytes();
    }

    static Draft draft(ResultSet rs) throws SQLException {
        return new Draft(
                rs.getObject("id", UUID.class),
                rs.getString("initiator"),
                instant(rs, "swept_until"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getLong("elapsed_ms"),
                rs.getInt("batches"),
                rs.getLong("records_erased"),
                rs.getLong("records_kept"),
                rs.getString("by_activity"),
                rs.getString("by_category"),
                rs.getString("other_data"),
                instant(rs, "due_from"),
                instant(rs, "due_to"),
                run(rs));
    }

    private static @Nullable Run run(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("run_id", UUID.class);
        return id == null
                ? null
                : new Run(id, rs.getBoolean("interrupted"), Arrays.asList((UUID[])
                        rs.getArray("tombstone_ids").getArray()));
    }

    private DeletionCertificate certificate(ResultSet rs) throws SQLException {
        Draft draft = draft(rs);
        return new DeletionCertificate(
                draft.id(),
                rs.getLong("seq"),
                draft.initiator(),
                draft.sweptUntil(),
                draft.startedAt(),
                draft.finishedAt(),
                draft.elapsedMillis(),
                draft.batches(),
                draft.recordsErased(),
                draft.recordsKept(),
                json.readValue(draft.byActivity(), COUNTS),
                json.readValue(draft.byCategory(), COUNTS),
                json.readValue(draft.otherData(), COUNTS),
                draft.dueFrom(),
                draft.dueTo(),
                draft.run() == null ? null : draft.run().id(),
                draft.run() != null && draft.run().interrupted(),
                draft.run() == null ? List.of() : draft.run().tombstones(),
                HexFormat.of().formatHex(rs.getBytes("prev_hash")),
                HexFormat.of().formatHex(rs.getBytes("hash")));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
