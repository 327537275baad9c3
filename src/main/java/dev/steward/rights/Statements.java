package dev.steward.rights;

import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Supplementary statements completing a subject's data (GDPR Art. 16), sealed under their key. */
@Repository
class Statements {

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;

    Statements(JdbcClient jdbc, Vault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    record Statement(String site, String statement, Instant addedAt) {}

    void add(RightsRequest request, String statement) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO supplementary_statement (id, subject_id, site, request_id, statement_enc, added_at)
                        VALUES (:id, :subject, :site, :request, :statement, :at)
                        """)
                .param("id", id)
                .param("subject", request.subject().value())
                .param("site", request.site())
                .param("request", request.id())
                .param(
                        "statement",
                        vault.seal(request.subject(), statement.getBytes(StandardCharsets.UTF_8), context(id)))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The subject's statements while their key lives. */
    List<Statement> of(SubjectId subject) {
        return jdbc
                .sql("SELECT id, site, statement_enc, added_at FROM supplementary_statement WHERE subject_id = :subject"
                        + " ORDER BY added_at")
                .param("subject", subject.value())
                .query((rs, row) -> new Sealed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list()
                .stream()
                .flatMap(stored -> vault
                        .open(subject, stored.statement(), context(stored.id()))
                        .map(text -> new Statement(
                                stored.site(), new String(text, StandardCharsets.UTF_8), stored.addedAt()))
                        .stream())
                .toList();
    }

    private record Sealed(UUID id, String site, byte[] statement, Instant addedAt) {}

    void deleteOf(SubjectId subject) {
        jdbc.sql("DELETE FROM supplementary_statement WHERE subject_id = :subject")
                .param("subject", subject.value())
                .update();
    }

    private static String context(UUID statement) {
        return "statement:" + statement;
    }
}
