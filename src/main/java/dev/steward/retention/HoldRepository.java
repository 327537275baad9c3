package dev.steward.retention;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for legal holds. */
@Repository
class HoldRepository {

    /**
     * Sweeps take this lock shared for each batch, placing a hold takes it exclusively: a hold placed while a batch
     * runs waits for it, and every batch that starts later sees the hold.
     */
    private static final String LOCK = "hashtextextended('steward:legal-holds', 0)";

    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockForSweep() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(" + LOCK + ")").query().singleRow();
    }

    void lockForPlacing() {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query().singleRow();
    }

    void insert(LegalHold hold) {
        jdbc.sql("""
                        INSERT INTO legal_hold (id, subject_id, record_id, site, reason, held_until, ends_at, placed_by, placed_at)
                        VALUES (:id, :subject, :record, :site, :reason, :until, :ends, :by, :at)
                        """)
                .param("id", hold.id())
                .param("subject", hold.subject().value())
                .param("record", hold.record() == null ? null : hold.record().value())
                .param("site", hold.site())
                .param("reason", hold.reason())
                .param("until", hold.heldUntil())
                .param("ends", hold.endsAt().atOffset(ZoneOffset.UTC))
                .param("by", hold.placedBy())
                .param("at", hold.placedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean release(UUID id, String by, Instant at, @Nullable String reason) {
        return jdbc.sql("""
                                UPDATE legal_hold SET released_by = :by, released_at = :at, release_reason = :reason
                                 WHERE id = :id AND released_at IS NULL AND ends_at > :at
                                """)
                        .param("id", id)
                        .param("by", by)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    Optional<LegalHold> find(UUID id) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> hold(rs))
                .optional();
    }

    /** Holds in force at the instant, newest first. */
    List<LegalHold> active(Instant now) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE released_at IS NULL AND ends_at > :now ORDER BY placed_at DESC")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> hold(rs))
                .list();
    }

    /** Every hold ever placed, newest first, up to the limit. */
    List<LegalHold> recent(int limit) {
        return jdbc.sql("SELECT * FROM legal_hold ORDER BY placed_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> hold(rs))
                .list();
    }

    List<LegalHold> ofSubject(SubjectId subject) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE subject_id = :subject ORDER BY placed_at DESC")
                .param("subject", subject.value())
                .query((rs, row) -> hold(rs))
                .list();
    }

    /** Erasing people deletes the holds on them ({@link dev.steward.vault.SubjectRows}). */
    static final String DELETE_OF_SUBJECTS = "DELETE FROM legal_hold WHERE subject_id = ANY(:subjects)";

    /**
     * A sweep's batch erases thousands of records at a time, and records are seldom held: when no hold names any
     * record, the batch's ids are not sent at all.
     */
    void deleteOfRecords(Collection<RecordId> records) {
        boolean anyRecordHeld = jdbc.sql("SELECT EXISTS (SELECT 1 FROM legal_hold WHERE record_id IS NOT NULL)")
                .query(Boolean.class)
                .single();
        if (!anyRecordHeld) {
            return;
        }
        jdbc.sql("DELETE FROM legal_hold WHERE record_id = ANY(:records)")
                .param("records", records.stream().map(RecordId::value).toArray(UUID[]::new))
                .update();
    }

    /** The subjects and records no sweep may touch at the instant. */
    HeldTargets targets(Instant now) {
        Set<SubjectId> subjects = new HashSet<>();
        Set<RecordId> records = new HashSet<>();
        jdbc.sql("SELECT subject_id, record_id FROM legal_hold WHERE released_at IS NULL AND ends_at > :now")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    UUID record = rs.getObject("record_id", UUID.class);
                    if (record == null) {
                        subjects.add(new SubjectId(rs.getObject("subject_id", UUID.class)));
                    } else {
                        records.add(new RecordId(record));
                    }
                });
        return new HeldTargets(Set.copyOf(subjects), Set.copyOf(records));
    }

    record HeldTargets(Set<SubjectId> subjects, Set<RecordId> records) {

        /** What the holds keep: the whole subject of a hold on no record, else the one record. */
        static HeldTargets of(List<LegalHold> holds) {
            return new HeldTargets(
                    holds.stream()
                            .filter(hold -> hold.record() == null)
                            .map(LegalHold::subject)
                            .collect(Collectors.toUnmodifiableSet()),
                    holds.stream()
                            .map(LegalHold::record)
                            .filter(Objects::nonNull)
                            .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        UUID record = rs.getObject("record_id", UUID.class);
        OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
        return new LegalHold(
                rs.getObject("id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                record == null ? null : new RecordId(record),
                rs.getString("site"),
                rs.getString("reason"),
                rs.getObject("held_until", java.time.LocalDate.class),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getString("placed_by"),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                rs.getString("released_by"),
                released == null ? null : released.toInstant(),
                rs.getString("release_reason"));
    }
}
