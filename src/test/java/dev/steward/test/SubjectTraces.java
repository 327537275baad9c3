package dev.steward.test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where data subjects' ids still appear in a database: every column of every table that could hold one (uuid, text,
 * json, and arrays of them), found through {@code information_schema}, so that a table added later is searched
 * without anyone remembering to add it here.
 */
public final class SubjectTraces {

    /**
     * The append-only, hash-chained evidence, which keeps pseudonymous rows by design: the id leads nowhere once the
     * subject's key is destroyed, and removing a row would break the chain.
     */
    public static final Set<String> EVIDENCE = Set.of(
            "consent_event", "consent_receipt", "audit_event", "erasure_log", "disclosure", "deletion_certificate");

    private SubjectTraces() {}

    /** Per {@code table.column} outside the evidence, how many rows name any of the subjects; only those that do. */
    public static Map<String, Long> of(JdbcClient jdbc, Collection<UUID> subjects) {
        String[] patterns =
                subjects.stream().map(subject -> "%" + subject + "%").toArray(String[]::new);
        Map<String, Long> traces = new LinkedHashMap<>();
        for (List<String> column : columns(jdbc)) {
            if (EVIDENCE.contains(column.get(0))) {
                continue;
            }
            long rows = jdbc.sql("SELECT count(*) FROM \"" + column.get(0) + "\" WHERE CAST(\"" + column.get(1)
                            + "\" AS text) LIKE ANY(:patterns)")
                    .param("patterns", patterns)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                traces.put(column.get(0) + "." + column.get(1), rows);
            }
        }
        return traces;
    }

    /** How many tables and columns are searched, for the record. */
    public static int columnsSearched(JdbcClient jdbc) {
        return (int) columns(jdbc).stream()
                .filter(column -> !EVIDENCE.contains(column.get(0)))
                .count();
    }

    private static List<List<String>> columns(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                           AND c.udt_name IN ('uuid', '_uuid', 'text', '_text', 'varchar', '_varchar', 'json', 'jsonb')
                         ORDER BY c.table_name, c.ordinal_position
                        """)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
    }
}
