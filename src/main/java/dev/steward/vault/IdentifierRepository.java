package dev.steward.vault;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for subjects' identifiers: found by blind index, stored encrypted, each with whether it links a person's
 * subjects once proven and when it was proven. Several subjects may carry one identifier; none is joined to another
 * by it.
 */
@Repository
class IdentifierRepository {

    private final JdbcClient jdbc;

    IdentifierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the identifier to the subject unless it carries it already. */
    void insert(byte[] blindIndex, SubjectId subject, Identifier.Kind kind, boolean links, byte[] valueEnc) {
        jdbc.sql("""
                        INSERT INTO subject_identifier (blind_index, subject_id, kind, links, value_enc)
                        VALUES (:index, :subject, :kind, :links, :value) ON CONFLICT DO NOTHING
                        """)
                .param("index", blindIndex)
                .param("subject", subject.value())
                .param("kind", kind.name())
                .param("links", links)
                .param("value", valueEnc)
                .update();
    }

    /** Adds an identifier's row for {@link #copyOf}. */
    static void addRow(
            BinaryCopyRows rows,
            byte[] blindIndex,
            SubjectId subject,
            Identifier.Kind kind,
            boolean links,
            byte[] valueEnc) {
        rows.row(5)
                .bytea(blindIndex)
                .uuid(subject.value())
                .text(kind.name())
                .bool(links)
                .bytea(valueEnc);
    }

    static BulkCopy.Pending copyOf(BinaryCopyRows rows) {
        return new BulkCopy.Pending(
                "COPY subject_identifier (blind_index, subject_id, kind, links, value_enc) FROM STDIN (FORMAT binary)",
                rows);
    }

    /** Marks the subject's identifier proven, keeping the first proof; answers whether the subject carries it. */
    boolean prove(byte[] blindIndex, SubjectId subject, Instant at, String how) {
        return jdbc.sql("""
                        UPDATE subject_identifier SET verified_at = coalesce(verified_at, :at),
                            verified_by = coalesce(verified_by, :how)
                        WHERE blind_index = :index AND subject_id = :subject
                        """)
                        .param("index", blindIndex)
                        .param("subject", subject.value())
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("how", how)
                        .update()
                == 1;
    }

    boolean proven(byte[] blindIndex, SubjectId subject) {
        return jdbc.sql("""
                        SELECT count(*) FROM subject_identifier
                        WHERE blind_index = :index AND subject_id = :subject AND verified_at IS NOT NULL
                        """)
                        .param("index", blindIndex)
                        .param("subject", subject.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The subjects an identifier proven for the prover reaches: the prover, and every other subject that carries it
     * as a linking identifier and is not waiting for staff to review how it was joined. Oldest first.
     */
    List<SubjectId> reach(byte[] blindIndex, SubjectId prover) {
        return jdbc.sql("""
                        SELECT i.subject_id FROM subject_identifier i JOIN data_subject s ON s.id = i.subject_id
                        WHERE i.blind_index = :index
                          AND (i.subject_id = :prover OR (i.links AND s.review IS NULL))
                        ORDER BY s.created_at, s.id
                        """)
                .param("index", blindIndex)
                .param("prover", prover.value())
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Every subject carrying the identifier, proven or not, newest first. */
    List<SubjectId> carrying(byte[] blindIndex) {
        return jdbc.sql("""
                        SELECT i.subject_id FROM subject_identifier i JOIN data_subject s ON s.id = i.subject_id
                        WHERE i.blind_index = :index ORDER BY s.created_at DESC, s.id
                        """)
                .param("index", blindIndex)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * For each blind index that some subject carries, every such subject (a proven one first, then the newest) with
     * the sites it has data on ({@code subject_site}), by index as hex, since arrays compare by identity.
     *
     * <p>WHY in two steps (as {@link #emailsCarried}): nearly every address is carried by one subject, and only the
     * order among several needs the subjects' creation times. Joined to {@code data_subject} for every index, an
     * import's 100,000 addresses were a parallel hash join reading both tables whole; alone, they are one scan of the
     * identifiers' index, as quick when cached, and on a cold cache it reads the leaves the import's new identifiers
     * then go to, which shortens the import's write more than the scan costs (bench/README.md, import6).
     */
    Map<String, List<KnownSubjects.Carrier>> carriersEach(List<byte[]> blindIndexes) {
        Map<String, List<KnownSubjects.Carrier>> carriers = new HashMap<>();
        List<byte[]> shared = new ArrayList<>();
        jdbc.sql("""
                        SELECT i.blind_index, i.subject_id,
                               ARRAY(SELECT site FROM subject_site s WHERE s.subject_id = i.subject_id) AS sites
                        FROM subject_identifier i WHERE i.blind_index = ANY(:indexes)
                        """).param("indexes", blindIndexes.toArray(byte[][]::new)).query(rs -> {
            byte[] index = rs.getBytes(1);
            List<KnownSubjects.Carrier> each =
                    carriers.computeIfAbsent(HexFormat.of().formatHex(index), key -> new ArrayList<>(1));
            if (each.size() == 1) {
                shared.add(index);
            }
            each.add(new KnownSubjects.Carrier(new SubjectId(rs.getObject(2, UUID.class)), Set.of((String[])
                    rs.getArray(3).getArray())));
        });
        if (!shared.isEmpty()) {
            Map<SubjectId, Integer> rank = ranks(shared);
            shared.forEach(index -> carriers.get(HexFormat.of().formatHex(index))
                    .sort(Comparator.comparing(carrier -> rank.get(carrier.subject()))));
        }
        return carriers;
    }

    /** The place of each carrier of these indexes among its index's carriers: a proven one first, then the newest. */
    private Map<SubjectId, Integer> ranks(List<byte[]> blindIndexes) {
        Map<SubjectId, Integer> rank = new HashMap<>();
        jdbc.sql("""
                        SELECT i.subject_id FROM subject_identifier i JOIN data_subject s ON s.id = i.subject_id
                        WHERE i.blind_index = ANY(:indexes)
                        ORDER BY i.verified_at IS NULL, s.created_at DESC, s.id
                        """).param("indexes", blindIndexes.toArray(byte[][]::new)).query(rs -> {
            rank.putIfAbsent(new SubjectId(rs.getObject(1, UUID.class)), rank.size());
        });
        return rank;
    }

    /** Every subject carrying the index: the proven ones first, then the newest. */
    List<SubjectId> carriersInOrder(byte[] blindIndex) {
        return jdbc.sql("""
                        SELECT i.subject_id FROM subject_identifier i JOIN data_subject s ON s.id = i.subject_id
                        WHERE i.blind_index = :index ORDER BY i.verified_at IS NULL, s.created_at DESC, s.id
                        """)
                .param("index", blindIndex)
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    Optional<SubjectId> oneCarrier(byte[] blindIndex) {
        return carriersEach(List.of(blindIndex)).getOrDefault(HexFormat.of().formatHex(blindIndex), List.of()).stream()
                .findFirst()
                .map(KnownSubjects.Carrier::subject);
    }

    /**
     * The e-mail identifiers carried under these blind indexes: index, subject and the encrypted address; under an
     * index several subjects carry, a proven one first, then the newest.
     *
     * <p>WHY in two steps: nearly every address is carried by one subject, and only the order among several needs the
     * subjects' creation times, so the join to {@code data_subject} and the sort are paid for those few indexes alone
     * (a campaign reads its chunks' addressees this way, 200 at a time).
     */
    List<Carried> emailsCarried(List<byte[]> blindIndexes) {
        List<Carried> carried = jdbc.sql("""
                        SELECT blind_index, subject_id, value_enc FROM subject_identifier
                        WHERE blind_index = ANY(:indexes) AND kind = 'EMAIL'
                        """)
                .param("indexes", blindIndexes.toArray(byte[][]::new))
                .query((rs, row) ->
                        new Carried(rs.getBytes(1), new SubjectId(rs.getObject(2, UUID.class)), rs.getBytes(3)))
                .list();
        Map<String, List<Carried>> byIndex = carried.stream()
                .collect(Collectors.groupingBy(one -> HexFormat.of().formatHex(one.blindIndex())));
        if (byIndex.size() == carried.size()) {
            return carried;
        }
        List<Carried> answer = new ArrayList<>();
        List<byte[]> shared = new ArrayList<>();
        byIndex.values().forEach(ofIndex -> {
            if (ofIndex.size() == 1) {
                answer.add(ofIndex.get(0));
            } else {
                shared.add(ofIndex.get(0).blindIndex());
            }
        });
        answer.addAll(jdbc.sql("""
                        SELECT i.blind_index, i.subject_id, i.value_enc
                        FROM subject_identifier i JOIN data_subject s ON s.id = i.subject_id
                        WHERE i.blind_index = ANY(:indexes) AND i.kind = 'EMAIL'
                        ORDER BY i.blind_index, i.verified_at IS NULL, s.created_at DESC
                        """)
                .param("indexes", shared.toArray(byte[][]::new))
                .query((rs, row) ->
                        new Carried(rs.getBytes(1), new SubjectId(rs.getObject(2, UUID.class)), rs.getBytes(3)))
                .list());
        return answer;
    }

    /** The blind indexes of the e-mail addresses these subjects carry. */
    List<Carried> emailsOf(List<SubjectId> subjects) {
        return jdbc.sql("""
                        SELECT blind_index, subject_id, value_enc FROM subject_identifier
                        WHERE subject_id = ANY(:subjects) AND kind = 'EMAIL'
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, row) ->
                        new Carried(rs.getBytes(1), new SubjectId(rs.getObject(2, UUID.class)), rs.getBytes(3)))
                .list();
    }

    record Carried(byte[] blindIndex, SubjectId subject, byte[] valueEnc) {}

    List<Stored> of(SubjectId subject) {
        return jdbc.sql("""
                        SELECT kind, value_enc, links, verified_at FROM subject_identifier
                        WHERE subject_id = :subject ORDER BY kind, verified_at NULLS LAST
                        """)
                .param("subject", subject.value())
                .query((rs, row) -> new Stored(
                        Identifier.Kind.valueOf(rs.getString(1)),
                        rs.getBytes(2),
                        rs.getBoolean(3),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    void delete(byte[] blindIndex, SubjectId subject) {
        jdbc.sql("DELETE FROM subject_identifier WHERE blind_index = :index AND subject_id = :subject")
                .param("index", blindIndex)
                .param("subject", subject.value())
                .update();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    record Stored(
            Identifier.Kind kind,
            byte[] valueEnc,
            boolean links,
            @Nullable Instant verifiedAt) {}
}
