package dev.steward.audit;

import dev.steward.platform.Canonical;
import dev.steward.platform.Chains;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    static final String CHAIN = "audit";

    /** An entry of no particular site (site null) is only for callers of every site. */
    private static final String ON_SITES = "(:everySite OR site = ANY(:sites))";

    private final JdbcClient jdbc;
    private final Chains chains;

    AuditRepository(JdbcClient jdbc, Chains chains) {
        this.jdbc = jdbc;
        this.chains = chains;
    }

    AuditRecord append(AuditEntry entry, Instant at) {
        UUID id = UUID.randomUUID();
        Chains.Appended appended = chains.append(CHAIN, new Chains.RowWriter() {
            @Override
            public byte[] canonical(long seq) {
                return AuditRepository.canonical(stored(seq, id, at, entry));
            }

            @Override
            public void insert(long seq, byte[] previousHash, byte[] hash) {
                jdbc.sql("""
                                INSERT INTO audit_event (seq, id, occurred_at, actor, action, subject_id, site, fields, reason,
                                    reason_code, reason_args, prev_hash, hash)
                                VALUES (:seq, :id, :at, :actor, :action, :subject, :site, :fields, :reason, :code, :args,
                                    :prev, :hash)
                                """)
                        .param("seq", seq)
                        .param("id", id)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("actor", entry.actor())
                        .param("action", entry.action())
                        .param("subject", entry.subject())
                        .param("site", entry.site())
                        .param("fields", entry.fields().toArray(String[]::new))
                        .param("reason", entry.reason())
                        .param("code", entry.reasonCode())
                        .param("args", entry.reasonArgs().toArray(String[]::new))
                        .param("prev", previousHash)
                        .param("hash", hash)
                        .update();
            }
        });
        return stored(appended.seq(), id, at, entry);
    }

    private static AuditRecord stored(long seq, UUID id, Instant at, AuditEntry entry) {
        return new AuditRecord(
                seq,
                id,
                at,
                entry.actor(),
                entry.action(),
                entry.subject(),
                entry.site(),
                entry.fields(),
                entry.reason(),
                entry.reasonCode(),
                entry.reasonArgs());
    }

    /**
     * The bytes an entry's hash covers. A coded reason adds its code and arguments; an entry without one (every entry
     * written before reasons had codes) hashes exactly as it always did, so the chain verifies across the change.
     */
    static byte[] canonical(AuditRecord record) {
        Canonical canonical = Canonical.of("audit")
                .add("seq", record.seq())
                .add("id", record.id())
                .add("at", record.occurredAt())
                .add("actor", record.actor())
                .add("action", record.action())
                .add("subject", record.subject())
                .add("site", record.site())
                .add("fields", String.join("\u001f", record.fields()))
                .add("reason", record.reason());
        if (record.reasonCode() != null) {
            canonical
                    .add("reasonCode", record.reasonCode())
                    .add("reasonArgs", String.join("\u001f", record.reasonArgs()));
        }
        return canonical.bytes();
    }

    /** Newest first: the subject's entries (or all) older than {@code before} (or the newest), at most {@code limit}. */
    List<AuditRecord> page(@Nullable UUID subject, @Nullable Long before, int limit, Set<String> sites) {
        // the conditions named or left out, never OR-ed with a null test: the plan of each shape walks its index
        return jdbc.sql("SELECT * FROM audit_event WHERE " + (subject == null ? "" : "subject_id = :subject AND ")
                        + (before == null ? "" : "seq < :before AND ") + ON_SITES + " ORDER BY seq DESC LIMIT :limit")
                .param("subject", subject)
                .param("before", before)
                .param("everySite", sites.isEmpty())
                .param("sites", sites.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, row) -> record(rs))
                .list();
    }

    static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("site"),
                Arrays.asList((String[]) rs.getArray("fields").getArray()),
                rs.getString("reason"),
                rs.getString("reason_code"),
                rs.getArray("reason_args") == null
                        ? List.of()
                        : Arrays.asList((String[]) rs.getArray("reason_args").getArray()));
    }
}
