package dev.steward.rights;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of portability transfers. */
@Repository
class TransferRepository {

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A transfer still to send, with its sealed address and document. */
    record Pending(UUID id, UUID request, SubjectId subject, byte[] target, byte[] document) {}

    void insert(UUID id, UUID request, SubjectId subject, byte[] target, byte[] document, Instant at) {
        jdbc.sql("""
                        INSERT INTO portability_transfer (id, request_id, subject_id, target_enc, document_enc, status,
                            created_at)
                        VALUES (:id, :request, :subject, :target, :document, 'pending', :at)
                        """)
                .param("id", id)
                .param("request", request)
                .param("subject", subject.value())
                .param("target", target)
                .param("document", document)
                .param("at", utc(at))
                .update();
    }

    Optional<Pending> pending(UUID id) {
        return jdbc.sql("""
                        SELECT id, request_id, subject_id, target_enc, document_enc FROM portability_transfer
                        WHERE id = :id AND status = 'pending'
                        """)
                .param("id", id)
                .query((rs, row) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class),
                        new SubjectId(rs.getObject("subject_id", UUID.class)),
                        rs.getBytes("target_enc"),
                        rs.getBytes("document_enc")))
                .optional();
    }

    void retry(UUID id, int attempts, @Nullable String error) {
        jdbc.sql("UPDATE portability_transfer SET attempts = :attempts, last_error = :error WHERE id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("error", error)
                .update();
    }

    /** Accepted or given up: the document goes, the outcome stays. */
    void settle(UUID id, boolean accepted, int attempts, @Nullable String error, Instant at) {
        jdbc.sql("""
                        UPDATE portability_transfer SET status = :status, attempts = :attempts, last_error = :error,
                            settled_at = :at, document_enc = NULL
                        WHERE id = :id AND status = 'pending'
                        """)
                .param("id", id)
                .param("status", accepted ? "accepted" : "failed")
                .param("attempts", attempts)
                .param("error", error)
                .param("at", utc(at))
                .update();
    }

    /** Erasing people deletes their transfers, with the data they carry ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM portability_transfer WHERE subject_id = ANY(:subjects)";

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
