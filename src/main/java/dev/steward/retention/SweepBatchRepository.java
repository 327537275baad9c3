package dev.steward.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each committed batch of a sweep did, written in the batch's own transaction, until a deletion certificate
 * takes the batches of its run: they are deleted in the transaction that appends the certificate, so a batch is in
 * exactly one certificate, whether its run ended normally or died.
 */
@Repository
class SweepBatchRepository {

    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SweepBatchRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A committed batch with its run, as the certificate of the run reads it. */
    record Committed(SweepRun run, Instant committedAt, SweepTally tally) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void record(SweepRun run, SweepTally batch, Instant committedAt) {
        jdbc.sql("""
                        INSERT INTO sweep_batch (run_id, initiator, swept_until, run_started_at, committed_at,
                            record_batch, records_erased, records_kept, by_activity, by_category, other_data,
                            due_from, due_to, tombstone_ids)
                        VALUES (:run, :initiator, :until, :started, :committed, :recordBatch, :erased, :kept,
                            :activity, :category, :other, :from, :to, :tombstones)
                        """)
                .param("run", run.id())
                .param("initiator", run.initiator())
                .param("until", utc(run.sweptUntil()))
                .param("started", utc(run.startedAt()))
                .param("committed", utc(committedAt))
                .param("recordBatch", batch.recordBatch())
                .param("erased", batch.erased())
                .param("kept", batch.kept())
                .param("activity", json.writeValueAsString(batch.byActivity()))
                .param("category", json.writeValueAsString(batch.byCategory()))
                .param("other", json.writeValueAsString(batch.other()))
                .param("from", utc(batch.dueFrom()))
                .param("to", utc(batch.dueTo()))
                .param("tombstones", batch.tombstones().toArray(UUID[]::new))
                .update();
    }

    /**
     * Takes every batch of the run not yet in a certificate, in commit order, deleting them. A second taker (another
     * node certifying the same dead run) waits for the first and then finds nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Committed> take(UUID run) {
        return jdbc
                .sql("DELETE FROM sweep_batch WHERE run_id = :run RETURNING *")
                .param("run", run)
                .query((rs, row) -> committed(rs))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(Committed::committedAt))
                .toList();
    }

    /** The runs whose batches no certificate has taken yet: runs going on, and runs that died. */
    List<UUID> uncertifiedRuns() {
        return jdbc.sql("SELECT DISTINCT run_id FROM sweep_batch")
                .query(UUID.class)
                .list();
    }

    private Committed committed(ResultSet rs) throws SQLException {
        SweepRun run = new SweepRun(
                rs.getObject("run_id", UUID.class),
                rs.getString("initiator"),
                instant(rs, "swept_until"),
                instant(rs, "run_started_at"));
        SweepTally tally = SweepTally.stored(
                rs.getBoolean("record_batch"),
                rs.getLong("records_erased"),
                rs.getLong("records_kept"),
                json.readValue(rs.getString("by_activity"), COUNTS),
                json.readValue(rs.getString("by_category"), COUNTS),
                json.readValue(rs.getString("other_data"), COUNTS),
                instant(rs, "due_from"),
                instant(rs, "due_to"),
                Arrays.asList((UUID[]) rs.getArray("tombstone_ids").getArray()));
        return new Committed(run, instant(rs, "committed_at"), tally);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
