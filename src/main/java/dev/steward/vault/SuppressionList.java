package dev.steward.vault;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identifiers of erased people that imports and campaigns must skip. Only blind indexes are kept, so the list
 * recognises a person without holding anything that names them.
 */
@Service
public class SuppressionList {

    private final BlindIndex blindIndex;
    private final JdbcClient jdbc;
    private final Clock clock;

    SuppressionList(BlindIndex blindIndex, JdbcClient jdbc, Clock clock) {
        this.blindIndex = blindIndex;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void add(List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            addIndex(blindIndex.of(identifier), identifier.kind());
        }
    }

    /**
     * Suppresses an identifier known only by its blind index, such as an e-mail address that bounced for good: mail
     * to it would never arrive.
     */
    @Transactional
    public void addIndex(byte[] index, Identifier.Kind kind) {
        jdbc.sql("INSERT INTO suppressed_identifier (blind_index, kind, added_at) VALUES (:index, :kind, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("index", index)
                .param("kind", kind.name())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Suppresses every identifier the subject has, from their blind indexes as stored: nothing needs decrypting, so
     * a replay after a restore does it as the erasure did.
     */
    void addIdentifiersOf(SubjectId subject) {
        jdbc.sql("""
                        INSERT INTO suppressed_identifier (blind_index, kind, added_at)
                        SELECT blind_index, kind, :at FROM subject_identifier WHERE subject_id = :subject
                        ON CONFLICT DO NOTHING
                        """)
                .param("subject", subject.value())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    public boolean contains(Identifier identifier) {
        return jdbc.sql("SELECT count(*) FROM suppressed_identifier WHERE blind_index = :index")
                        .param("index", blindIndex.of(identifier))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Which of these blind indexes are suppressed, as hex: one query for a batch of messages about to go. */
    public Set<String> containedOf(List<byte[]> blindIndexes) {
        return Set.copyOf(jdbc.sql("SELECT blind_index FROM suppressed_identifier WHERE blind_index = ANY(:indexes)")
                .param("indexes", blindIndexes.toArray(byte[][]::new))
                .query((rs, row) -> HexFormat.of().formatHex(rs.getBytes(1)))
                .list());
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM suppressed_identifier)")
                .query(Boolean.class)
                .single();
    }

    /** Lifts the suppression when the person comes back of their own accord (a new, voluntary submission). */
    @Transactional
    public void remove(Identifier identifier) {
        jdbc.sql("DELETE FROM suppressed_identifier WHERE blind_index = :index")
                .param("index", blindIndex.of(identifier))
                .update();
    }
}
