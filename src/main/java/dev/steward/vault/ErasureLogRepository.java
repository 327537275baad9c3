package dev.steward.vault;

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
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The erasure log in the database: append-only, hash-chained tombstones. */
@Repository
class ErasureLogRepository {

    static final String CHAIN = "erasure";

    private final JdbcClient jdbc;
    private final Chains chains;

    ErasureLogRepository(JdbcClient jdbc, Chains chains) {
        this.jdbc = jdbc;
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
                                        INSERT INTO erasure_log (seq, id, subject_id, record_ids, activity, erased_at, reason, prev_hash, hash)
                                        VALUES (:seq, :id, :subject, :records, :activity, :at, :reason, :prev, :hash)
                                        """)
                                .param("seq", seq)
                                .param("id", tombstone.id())
                                .param("subject", tombstone.subject().value())
                                .param(
                                        "records",
                                        tombstone.records() == null
                                                ? null
                                                : tombstone.records().stream()
                                                        .map(RecordId::value)
                                                        .toArray(UUID[]::new))
                                .param("activity", tombstone.activity())
                                .param("at", tombstone.erasedAt().atOffset(ZoneOffset.UTC))
                                .param("reason", tombstone.reason())
                                .param("prev", previousHash)
                                .param("hash", hash)
                                .update();
                    }
                })
                .seq();
    }

    static byte[] canonical(long seq, Tombstone tombstone) {
        return Canonical.of("erasure")
                .add("seq", seq)
                .add("id", tombstone.id())
                .add("subject", tombstone.subject())
                .add(
                        "records",
                        tombstone.records() == null
                                ? null
                                : tombstone.records().stream()
                                        .map(RecordId::toString)
                                        .collect(Collectors.joining(",")))
                .add("activity", tombstone.activity())
                .add("at", tombstone.erasedAt())
                .add("reason", tombstone.reason())
                .bytes();
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

    static Tombstone tombstone(ResultSet rs) throws SQLException {
        Array records = rs.getArray("record_ids");
        return new Tombstone(
                rs.getObject("id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                records == null
                        ? null
                        : Arrays.stream((UUID[]) records.getArray())
                                .map(RecordId::new)
                                .toList(),
                rs.getString("activity"),
                rs.getObject("erased_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"));
    }
}
