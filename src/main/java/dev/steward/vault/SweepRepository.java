package dev.steward.vault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a retention sweep's batches over the records: the one statement that claims, keeps and erases a batch
 * and notes whom it took records of, the look after a worker's batches at whom they left without records, and the
 * second look, under lock, at those people. Apart from
 * {@link VaultRepository} because it is the hot path of the sweep and is tuned as such.
 */
@Repository
class SweepRepository {

    /**
     * Whether person {@code g.subject_id} has any record left: the person's first, looked for latest due first,
     * records without a due time before all. That is the index's order read backwards (V165) and the opposite of the
     * order in which the sweep claims, so a person who keeps a record not yet due answers with the first entry, and
     * only one whose every record went steps over all of theirs (each a heap fetch the first time, which marks the
     * entry dead for the look under lock and the cascade after it: bench/README.md, sweep3 of 2026-12-05 and sweep14).
     */
    static final String LEFTOVER_PROBE = """
            SELECT r.id FROM personal_record r
             WHERE r.subject_id = g.subject_id
             ORDER BY r.due_at DESC LIMIT 1""";

    private final JdbcClient jdbc;

    SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A retention sweep's batch in one statement: claims up to {@code limit} records due at the instant, oldest due
     * first, except those given, skipping rows another transaction has locked (so nodes sweeping at once claim
     * disjoint batches); moves the due time of those whose statutory minimum has not passed to its end; deletes the
     * rest. Claiming and deleting together saves a round trip and the second lookup of every row: the delete finds
     * the claimed rows by their physical address ({@code ctid}), which the row lock keeps stable. The addresses go in
     * as an array, so the plan is a TID scan whatever the statistics say; joined, the planner estimates the claim at
     * its limit and may hash-join it against the whole table. Claimed records neither erased nor kept were changed
     * meanwhile by another transaction, so not found at their old address; the next batch claims them again.
     *
     * <p>The same statement notes, in the batch's transaction, every subject it took records of ({@code sweep_leftover},
     * V176): whether they are left without any record is asked once after the worker's batches ({@link
     * #takeLeftovers}), not by each batch, since a person whose records span many batches was probed by each of them.
     * Noted with the batch, the people outlive a run killed before that look, and the next run's look finds them.
     * (Asking here cost a sixth of a sweep's database time, bench/README.md, sweep15; counting all the batch's
     * subjects in one index scan of {@code = ANY} of them was measured no faster, and an {@code array_agg} of each
     * person's erased ids spilled the hash aggregate to disk.)
     *
     * <p>The parts come back one after another rather than joined: the planner estimates the claim at one row and,
     * joining, would compare each claimed record with each erased one. The erased records come back as one row per
     * site, activity and rule, their ids and subjects as text joined by commas in one aggregate (so position by
     * position): the tombstone's canonical form and its log line need exactly that text, and one row rather than thousands
     * saves PostgreSQL writing each and the JVM reading each (bench/README.md, sweep5).
     */
    Swept sweepDue(
            Instant now,
            int limit,
            SweepErasure.Share share,
            UUID[] exceptSubjects,
            UUID[] exceptRecords,
            List<StatutoryMinimum> minimums) {
        List<Erased> erased = new ArrayList<>();
        int[] counts = new int[3]; // claimed, kept, noted
        jdbc.sql("""
                        WITH claimed AS (
                            SELECT ctid AS address, id FROM personal_record
                             WHERE due_at <= :now AND NOT (subject_id = ANY(:subjects)) AND NOT (id = ANY(:records))
                               AND get_byte(uuid_send(subject_id), 15) % :shares = :share
                             ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED),
                        minimum AS (
                            SELECT * FROM unnest(CAST(:sites AS text[]), CAST(:rules AS text[]),
                                CAST(:spans AS text[])) AS m (site, rule, span)),
                        kept AS (
                            UPDATE personal_record p
                               SET due_at = (p.collected_at AT TIME ZONE 'UTC' + CAST(m.span AS INTERVAL)) AT TIME ZONE 'UTC'
                              FROM minimum m
                             WHERE p.ctid = ANY(ARRAY(SELECT address FROM claimed))
                               AND m.site = p.site AND m.rule = p.retention_rule
                               AND (p.collected_at AT TIME ZONE 'UTC' + CAST(m.span AS INTERVAL)) AT TIME ZONE 'UTC' > :now
                            RETURNING p.id),
                        erased AS (
                            DELETE FROM personal_record p
                             WHERE p.ctid = ANY(ARRAY(SELECT address FROM claimed))
                               AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.id = p.id)
                            RETURNING p.id, p.subject_id, p.site, p.activity, p.retention_rule, p.due_at),
                        gone AS (SELECT DISTINCT subject_id FROM erased),
                        noted AS (
                            INSERT INTO sweep_leftover (share, shares, size, subjects)
                            SELECT :share, :shares, count(*), array_agg(subject_id) FROM gone HAVING count(*) > 0
                            RETURNING size)
                        SELECT 'erased', e.site, e.activity, e.retention_rule, count(*),
                               CAST(extract(epoch FROM min(e.due_at)) * 1000000 AS bigint),
                               CAST(extract(epoch FROM max(e.due_at)) * 1000000 AS bigint),
                               string_agg(CAST(e.id AS text), ','), string_agg(CAST(e.subject_id AS text), ',')
                          FROM erased e GROUP BY e.site, e.activity, e.retention_rule
                        UNION ALL
                        SELECT 'noted', NULL, NULL, NULL, CAST(size AS bigint), NULL, NULL, NULL, NULL FROM noted
                        UNION ALL
                        SELECT 'kept', NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL FROM kept
                        UNION ALL
                        SELECT 'claimed', NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL FROM claimed
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .param("share", share.index())
                .param("shares", share.of())
                .param("subjects", exceptSubjects)
                .param("records", exceptRecords)
                .param("sites", minimums.stream().map(StatutoryMinimum::site).toArray(String[]::new))
                .param(
                        "rules",
                        minimums.stream().map(StatutoryMinimum::retentionRule).toArray(String[]::new))
                .param(
                        "spans",
                        minimums.stream().map(m -> m.minimum().toString()).toArray(String[]::new))
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "erased" -> {
                            String records = rs.getString(8);
                            String subjects = rs.getString(9);
                            erased.add(new Erased(
                                    new SweptRecords(
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            UuidText.parse(records, RecordId::new),
                                            UuidText.parse(subjects, SubjectId::new),
                                            // microseconds since the epoch: a number reads faster than a timestamp's
                                            // text
                                            Instant.EPOCH.plus(rs.getLong(6), ChronoUnit.MICROS),
                                            Instant.EPOCH.plus(rs.getLong(7), ChronoUnit.MICROS)),
                                    records,
                                    subjects));
                        }
                        case "noted" -> counts[2] = rs.getInt(5);
                        case "kept" -> counts[1] = rs.getInt(5);
                        default -> counts[0] = rs.getInt(5);
                    }
                });
        return new Swept(counts[0], erased, counts[1], counts[2]);
    }

    /**
     * Records of one site, activity and rule that a batch erased, with their ids and their subjects' as PostgreSQL
     * wrote them: UUIDs in their usual text, joined by commas, as the tombstone's canonical form joins them.
     */
    record Erased(SweptRecords records, String recordsText, String subjectsText) {}

    /**
     * What a sweep's batch did: how many records it claimed, those it erased, how many it kept for a statutory
     * minimum, and how many subjects it took records of (noted for {@link #takeLeftovers}).
     */
    record Swept(int claimed, List<Erased> erased, int kept, int noted) {}

    /**
     * The look after a worker's batches: takes the notes of batches ({@code sweep_leftover}) of the worker's share
     * (and any left by a run with another number of workers), oldest first, as many as begin under {@code cap}
     * subjects, skipping those another look holds; deletes them; and answers those of their subjects, each once and
     * not given as held, who have no record left, probed by {@link #LEFTOVER_PROBE}. The caller locks and looks again
     * at those in the same transaction, so a note goes only with the erasure of its people: a look that dies leaves it
     * for the next. A note taken while its people still have records (another worker or node is still sweeping them)
     * costs nothing: the batch that takes their last record notes them again.
     */
    Leftovers takeLeftovers(SweepErasure.Share share, int cap, UUID[] held) {
        List<SubjectId> alone = new ArrayList<>();
        int[] taken = new int[1];
        jdbc.sql("""
                        WITH mine AS (
                            SELECT id, sum(size) OVER (ORDER BY id) - size AS before FROM sweep_leftover
                             WHERE share = :share OR shares <> :shares),
                        taken AS (
                            DELETE FROM sweep_leftover
                             WHERE id = ANY(ARRAY(SELECT id FROM sweep_leftover
                                                   WHERE id = ANY(ARRAY(SELECT id FROM mine WHERE before < :cap))
                                                   ORDER BY id FOR UPDATE SKIP LOCKED))
                            RETURNING subjects),
                        g AS (
                            SELECT DISTINCT u.subject_id FROM taken, unnest(taken.subjects) AS u (subject_id)
                             WHERE NOT (u.subject_id = ANY(:held)))
                        SELECT NULL, count(*) FROM taken
                        UNION ALL
                        SELECT g.subject_id, NULL FROM g WHERE (%LEFTOVER_PROBE%) IS NULL
                        """.replace("%LEFTOVER_PROBE%", LEFTOVER_PROBE))
                .param("share", share.index())
                .param("shares", share.of())
                .param("cap", cap)
                .param("held", held)
                .query(rs -> {
                    UUID subject = rs.getObject(1, UUID.class);
                    if (subject == null) {
                        taken[0] = rs.getInt(2);
                    } else {
                        alone.add(new SubjectId(subject));
                    }
                });
        return new Leftovers(taken[0], alone);
    }

    /** What {@link #takeLeftovers} took: how many batches' notes, and the subjects with no record left. */
    record Leftovers(int notes, List<SubjectId> withoutRecords) {}

    /**
     * Reads, and discards, what a sweep's first batches and its look will read of the records due at the instant, the
     * first {@code records} of them in the order the batches claim: the due index's entries, the records' pages, and
     * each of their people's entries in the subject index as {@link #LEFTOVER_PROBE} reads them. Answers how many
     * people it read. Locks nothing and changes nothing: it only brings those pages into the database's buffers.
     */
    int readDue(Instant now, int records) {
        // counted, so that PostgreSQL runs the probe for every person; a condition that discards it could be folded
        return jdbc.sql("""
                        SELECT count((%LEFTOVER_PROBE%)) FROM (
                            SELECT DISTINCT d.subject_id FROM (
                                SELECT subject_id FROM personal_record WHERE due_at <= :now ORDER BY due_at LIMIT :records
                            ) d) g
                        """.replace("%LEFTOVER_PROBE%", LEFTOVER_PROBE))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("records", records)
                .query(Integer.class)
                .single();
    }

    /**
     * Those of the subjects left without any record, locked. The subjects given are those a sweep's batch found with
     * nothing left ({@link Swept#leftWithoutRecords()}); they are locked, in id order so that two batches never wait on
     * each other in a circle, and looked at again, since a record may have been added meanwhile. Each subject's first
     * record is looked up by index in a subquery of its own: as an anti-join the planner may read the whole table.
     * Those that a module still needs ({@code kept}, the modules' {@link SubjectKeepers} conditions on {@code s.id})
     * are left out in the same statement.
     */
    List<SubjectId> lockEmptySubjects(UUID[] subjects, List<String> kept) {
        jdbc.sql("SELECT id FROM data_subject WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", subjects)
                .query(UUID.class)
                .list();
        return jdbc.sql("""
                        SELECT s.id FROM data_subject s
                         WHERE s.id = ANY(:ids)
                           AND (SELECT r.id FROM personal_record r WHERE r.subject_id = s.id LIMIT 1) IS NULL
                        """ + kept.stream().map(keeps -> " AND NOT " + keeps).collect(Collectors.joining()))
                .param("ids", subjects)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }
}
