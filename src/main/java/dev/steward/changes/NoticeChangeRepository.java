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
            rs.getObject("reconsented_at") != null,
            rs.getObject("mail_id", UUID.class),
            rs.getString("token_hash"));

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

    /**
     * Serialises the telling of one address about one change across transactions and nodes, until this transaction
     * ends: whoever holds it sees every subject of the address that was told before, and nobody tells it meanwhile.
     */
    void lockAddress(long change, byte[] emailIndex) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('notice-change:' || :change || ':' || encode(:index,"
                        + " 'hex'), 0))")
                .param("change", change)
                .param("index", emailIndex)
                .query()
                .singleRow();
    }

    /** A row's mail was lost with its sealing subject's erasure: it told nobody. */
    private static final String NOT_LOST =
            " NOT EXISTS (SELECT 1 FROM notice_change_lost l WHERE l.mail_id = r.mail_id)";

    /**
     * Those of the subjects already told of the change, with the mail and link they were told by; a mail lost before
     * it left told nobody, so its rows are left out.
     */
    List<Told> toldOf(long change, Collection<SubjectId> subjects) {
        return jdbc.sql("SELECT * FROM notice_change_recipient r WHERE change_id = :change"
                        + " AND subject_id = ANY(:subjects) AND" + NOT_LOST)
                .param("change", change)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query(TOLD)
                .list();
    }

    /** The subjects a mail was to tell that are still there (an erasure deletes the erased one's row). */
    List<Told> toldBy(UUID mail) {
        return jdbc.sql("SELECT * FROM notice_change_recipient r WHERE mail_id = :mail ORDER BY subject_id")
                .param("mail", mail)
                .query(TOLD)
                .list();
    }

    /** Appends that the mail was lost with its sealing subject's erasure, at that instant, before it left. */
    void insertLost(long change, UUID mail, Instant at) {
        jdbc.sql("""
                        INSERT INTO notice_change_lost (mail_id, change_id, lost_at) VALUES (:mail, :change, :at)
                        ON CONFLICT (mail_id) DO NOTHING
                        """)
                .param("mail", mail)
                .param("change", change)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Records that the subject is told, by the mail given, as its next attempt (the rows of a lost mail stay as they
     * were); answers false when someone (another node, an earlier run) told them already by a mail not lost.
     */
    boolean insertTold(
            long change,
            SubjectId subject,
            String jurisdiction,
            List<ConsentWordings.Reconsent> reconsents,
            @Nullable String tokenHash,
            @Nullable Instant expiresAt,
            UUID mail,
            Instant at) {
        return jdbc.sql("""
                        INSERT INTO notice_change_recipient
                            (change_id, subject_id, attempt, jurisdiction, mail_id, reconsents, token_hash,
                             token_expires_at, told_at)
                        SELECT CAST(:change AS BIGINT), CAST(:subject AS UUID),
                               COALESCE((SELECT max(attempt) FROM notice_change_recipient
                                         WHERE change_id = :change AND subject_id = :subject), 0) + 1,
                               CAST(:jurisdiction AS TEXT), CAST(:mail AS UUID), CAST(:reconsents AS TEXT[]),
                               CAST(:hash AS TEXT), CAST(:expires AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ)
                        WHERE NOT EXISTS (SELECT 1 FROM notice_change_recipient r
                                          WHERE change_id = :change AND subject_id = :subject AND""" + NOT_LOST + """
                        )
                        ON CONFLICT (change_id, subject_id, attempt) DO NOTHING
                        """)
                        .param("change", change)
                        .param("subject", subject.value())
                        .param("jurisdiction", jurisdiction)
                        .param("mail", mail)
                        .param(
                                "reconsents",
                                reconsents.stream()
                                        .map(asked -> asked.activity() + "/" + asked.purpose())
                                        .toArray(String[]::new))
                        .param("hash", reconsents.isEmpty() ? null : tokenHash)
                        .param(
                                "expires",
                                reconsents.isEmpty() || expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /**
     * The subjects a link acts for: those its mail told that were asked to consent again (erased ones are gone); the
     * link of a mail lost before it left acts for nobody.
     */
    List<Told> byToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM notice_change_recipient r WHERE token_hash = :hash AND" + NOT_LOST
                        + " ORDER BY subject_id")
                .param("hash", tokenHash)
                .query(TOLD)
                .list();
    }

    /**
     * Marks the re-consent given for every subject of the link, once: of two concurrent calls one answers true (the
     * second waits for the first's row locks and then finds the rows marked).
     */
    boolean markReconsented(String tokenHash, Instant at) {
        return jdbc.sql("""
                        UPDATE notice_change_recipient SET reconsented_at = :at
                        WHERE token_hash = :hash AND reconsented_at IS NULL AND token_expires_at > :at
                        """)
                        .param("hash", tokenHash)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                > 0;
    }

    Optional<ChangeRow> change(long id) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM notice_change WHERE id = :id")
                .param("id", id)
                .query(CHANGE)
                .optional();
    }

    Counts counts(long change) {
        return jdbc.sql("""
                        SELECT count(DISTINCT mail_id) AS told,
                               count(DISTINCT token_hash) AS asked,
                               count(DISTINCT token_hash) FILTER (WHERE reconsented_at IS NOT NULL) AS reconsented
                        FROM notice_change_recipient r WHERE change_id = :change AND""" + NOT_LOST)
                .param("change", change)
                .query((rs, row) -> new Counts(rs.getLong("told"), rs.getLong("asked"), rs.getLong("reconsented")))
                .single();
    }

    List<UUID> mails(long change) {
        return jdbc.sql("SELECT DISTINCT mail_id FROM notice_change_recipient r WHERE change_id = :change"
                        + " AND mail_id IS NOT NULL AND" + NOT_LOST)
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

    /**
     * A subject told of a change, what it was asked to consent to again, and the mail (one per address) and link's
     * token hash it was told by.
     */
    record Told(
            long change,
            SubjectId subject,
            String jurisdiction,
            List<ConsentWordings.Reconsent> reconsents,
            @Nullable Instant expiresAt,
            boolean reconsented,
            @Nullable UUID mail,
            @Nullable String tokenHash) {}

    /** Counted per mail, that is per address told, and per link: what a person sees, not how many subjects. */
    record Counts(long told, long asked, long reconsented) {}
}
