package dev.steward.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of verifications of the evidence chains: one row each, its progress while it runs, its result once done. */
@Repository
class EvidenceVerificationRepository {

    private static final TypeReference<List<EvidenceVerification.Chain>> CHAINS = new TypeReference<>() {};

    private static final String COLUMNS =
            "id, status, initiator, started_by, started_at, finished_at, rows_checked," + " rows_total, intact, chains";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvidenceVerificationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(UUID id, String initiator, @Nullable String startedBy, long rowsTotal, Instant at) {
        jdbc.sql("""
                        INSERT INTO evidence_verification (id, initiator, started_by, started_at, updated_at, status,
                            rows_total)
                        VALUES (:id, :initiator, :by, :at, :at, 'running', :total)
                        """)
                .param("id", id)
                .param("initiator", initiator)
                .param("by", startedBy)
                .param("at", utc(at))
                .param("total", rowsTotal)
                .update();
    }

    /**
     * Told from inside a chain's verification, which reads in a read-only transaction of its own: the progress is
     * written and committed beside it, for other requests and nodes to see now.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID id, long rowsChecked, Instant at) {
        jdbc.sql("""
                        UPDATE evidence_verification SET rows_checked = :checked, updated_at = :at
                        WHERE id = :id AND status = 'running'
                        """)
                .param("id", id)
                .param("checked", rowsChecked)
                .param("at", utc(at))
                .update();
    }

    void finish(UUID id, long rowsChecked, List<EvidenceVerification.Chain> chains, Instant at) {
        jdbc.sql("""
                        UPDATE evidence_verification SET status = 'finished', rows_checked = :checked,
                            intact = :intact, chains = :chains::jsonb, finished_at = :at, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("checked", rowsChecked)
                .param("intact", chains.stream().allMatch(EvidenceVerification.Chain::intact))
                .param("chains", json.writeValueAsString(chains))
                .param("at", utc(at))
                .update();
    }

    /** Records that an error stopped the verification: it found nothing, neither intact nor broken. */
    void fail(UUID id, long rowsChecked, Instant at) {
        jdbc.sql("""
                        UPDATE evidence_verification SET status = 'failed', rows_checked = :checked, finished_at = :at,
                            updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("checked", rowsChecked)
                .param("at", utc(at))
                .update();
    }

    /**
     * Verifications that have not told their progress since {@code before}, but for the one this node runs: their
     * node stopped without finishing them.
     */
    int interruptStale(Instant before, @Nullable UUID ours) {
        return jdbc.sql("""
                        UPDATE evidence_verification SET status = 'interrupted', finished_at = updated_at
                        WHERE status = 'running' AND updated_at < :before
                          AND id IS DISTINCT FROM CAST(:ours AS uuid)
                        """).param("before", utc(before)).param("ours", ours).update();
    }

    Optional<EvidenceVerification> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_verification WHERE id = :id")
                .param("id", id)
                .query(this::verification)
                .optional();
    }

    /** The latest verifications, newest first. */
    List<EvidenceVerification> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM evidence_verification ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(this::verification)
                .list();
    }

    private EvidenceVerification verification(ResultSet rs, int row) throws SQLException {
        String chains = rs.getString("chains");
        return new EvidenceVerification(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getString("initiator"),
                rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("finished_at", OffsetDateTime.class)),
                rs.getLong("rows_checked"),
                rs.getLong("rows_total"),
                rs.getObject("intact", Boolean.class),
                chains == null ? List.of() : json.readValue(chains, CHAINS));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
