package dev.steward.changes;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for announced notice changes and the people told about them. */
@Repository
class NoticeChangeRepository {

    private static final String CHANGE_COLUMNS = "id, site, from_version, to_version, created_at, completed_at";

    private static final RowMapper<ChangeRow> CHANGE = (rs, row) -> new ChangeRow(
            rs.getLong("id"),
            rs.getString("site"),
            rs.getString("from_version"),
            rs.getString("to_version"),
            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("completed_at", java.time.OffsetDateTime.class))
                    .map(java.time.OffsetDateTime::toInstant)
                    .orElse(null));

    private static final RowMapper<Told> TOLD = (rs, row) -> new Told(
            rs.getLong("change_id"),
            new SubjectId(rs.getObject("subject_id", UUID.class)),
            rs.getString("jurisdiction"),
            Stream.of((String[]) rs.getArray("reconsents").getArray())
                    .map(pair -> new ConsentWordings.Reconsent(
                            pair.substring(pair.indexOf('/') + 1), pair.substring(0, pair.indexOf('/'))))
                    .toList(),
            rs.getObject("token_expires_at", java.time.OffsetDateTime.class) == null
                    ? null
                    : rs.getObject("token_expires_at", java.time.OffsetDateTime.class)
                            .toInstant(),
            rs.getObject("reconsented_at") != null);

    private final JdbcClient jdbc;

    NoticeChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertChange(String site, String from, String to, Instant at) {
        jdbc.sql("""
                        INSERT INTO notice_change (site, from_version, to_version, created_at)
                        VALUES (:site, :from, :to, :at) ON CONFLICT (site, to_version) DO NOTHING
                        """)
                .param("site", site)
                .param("from", from)
                .param("to", to)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<ChangeRow> open() {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM notice_change WHERE completed_at IS NULL ORDER BY id")
                .query(CHANGE)
                .list();
    }

    /** Newest first, of the sites given (every site when {@code sites} is empty). */
    List<ChangeRow> of(Collection<String> sites) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS
                        + " FROM notice_change WHERE (:all OR site IN (:sites)) ORDER BY id DESC")
                .param("all", sites.isEmpty())
                .param("sites", sites.isEmpty() ? List.of("") : sites)
                .query(CHANGE)
                .list();
    }

    void complete(long change, Instant at) {
        jdbc.sql("UPDATE notice_change SET completed_at = :at WHERE id = :id AND completed_at IS NULL")
                .param("id", change)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Records that the person is told; answers false when someone (another node, an earlier run) told them already. */
    boolean insertTold(
            long change,
            SubjectId subject,
            String jurisdiction,
            List<ConsentWordings.Reconsent> reconsents,
            @Nullable String tokenHash,
            @Nullable Instant expiresAt,
            Instant at) {
        return jdbc.sql("""
                        INSERT INTO notice_change_recipient
                            (change_id, subject_id, jurisdiction, reconsents, token_hash, token_expires_at, told_at)
                        VALUES (:change, :subject, :jurisdiction, :reconsents, :hash, :expires, :at)
                        ON CONFLICT (change_id, subject_id) DO NOTHING
                        """)
                        .param("change", change)
                        .param("subject", subject.value())
                        .param("jurisdiction", jurisdiction)
                        .param(
                                "reconsents",
                                reconsents.stream()
                                        .map(asked -> asked.activity() + "/" + asked.purpose())
                                        .toArray(String[]::new))
                        .param("hash", tokenHash)
                        .param("expires", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    void attachMail(long change, SubjectId subject, UUID mail) {
        jdbc.sql(
                        "UPDATE notice_change_recipient SET mail_id = :mail WHERE change_id = :change AND subject_id = :subject")
                .param("mail", mail)
                .param("change", change)
                .param("subject", subject.value())
                .update();
    }

    Optional<Told> byToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM notice_change_recipient WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(TOLD)
                .optional();
    }

    /** Marks the re-consent given, once: of two concurrent calls one answers true. */
    boolean markReconsented(String tokenHash, Instant at) {
        return jdbc.sql("""
                        UPDATE notice_change_recipient SET reconsented_at = :at
                        WHERE token_hash = :hash AND reconsented_at IS NULL AND token_expires_at > :at
                        """)
                        .param("hash", tokenHash)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    Optional<ChangeRow> change(long id) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM notice_change WHERE id = :id")
                .param("id", id)
                .query(CHANGE)
                .optional();
    }

    Counts counts(long change) {
        return jdbc.sql("""
                        SELECT count(*) AS told,
                               count(*) FILTER (WHERE cardinality(reconsents) > 0) AS asked,
                               count(*) FILTER (WHERE reconsented_at IS NOT NULL) AS reconsented
                        FROM notice_change_recipient WHERE change_id = :change
                        """)
                .param("change", change)
                .query((rs, row) -> new Counts(rs.getLong("told"), rs.getLong("asked"), rs.getLong("reconsented")))
                .single();
    }

    List<UUID> mails(long change) {
        return jdbc.sql("SELECT mail_id FROM notice_change_recipient WHERE change_id = :change AND mail_id IS NOT NULL")
                .param("change", change)
                .query(UUID.class)
                .list();
    }

    /**
     * Erasing people forgets that they were told of a change, and their links ({@link dev.steward.vault.SubjectRows}).
     */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM notice_change_recipient WHERE subject_id = ANY(:subjects)";

    record ChangeRow(
            long id,
            String site,
            String from,
            String to,
            Instant createdAt,
            @Nullable Instant completedAt) {}

    /** A person told of a change, and what they were asked to consent to again. */
    record Told(
            long change,
            SubjectId subject,
            String jurisdiction,
            List<ConsentWordings.Reconsent> reconsents,
            @Nullable Instant expiresAt,
            boolean reconsented) {}

    record Counts(long told, long asked, long reconsented) {}
}
