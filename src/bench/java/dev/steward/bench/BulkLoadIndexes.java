package dev.steward.bench;

import dev.steward.platform.StewardProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the indexes and foreign keys a bulk load does not need off the tables the seeder fills, and builds them again
 * afterwards: PostgreSQL builds an index of millions of rows by one sort, and checks a foreign key by one join, far
 * faster than it inserts the same rows one by one into random places of B-trees (several per person: subject ids,
 * event and disclosure ids are random UUIDs) and checks each row's reference with a lock on the row it names.
 * Rebuilding the unique indexes and foreign keys also checks, once, what the load wrote. Autovacuum waits for the end
 * of the load, which vacuums and analyses the tables itself. The statements that rebuild them are written to the data directory before anything is dropped, so that
 * a seed that dies on the way leaves them behind to be run by the next one.
 */
@Component
class BulkLoadIndexes {

    static final List<String> TABLES =
            List.of("data_subject", "subject_identifier", "personal_record", "consent_event", "disclosure");
    /**
     * The keys that only ever grow at their end, which cost the load little: the subjects' (time-ordered ids) and the
     * chains' sequence numbers. The blind index goes too: the seeder looks up who is there before the load.
     */
    private static final List<String> KEPT = List.of("data_subject_pkey", "consent_event_pkey", "disclosure_pkey");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Path pending;

    BulkLoadIndexes(JdbcClient jdbc, TransactionTemplate transaction, StewardProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.pending = properties.dataDir().resolve("bench-indexes.sql");
    }

    private record Index(int step, String dropSql, String rebuildSql) {}

    /** The indexes dropped for a load, built again on {@link #close()}. */
    interface Dropped extends AutoCloseable {
        @Override
        void close();
    }

    /** Drops the indexes (after rebuilding any an earlier seed left dropped); closing the result builds them again. */
    Dropped drop() {
        rebuildLeftOver();
        // in the order they are dropped: autovacuum paused, foreign keys, then the indexes they no longer hold on to
        List<Index> indexes = jdbc.sql("""
                        WITH loaded AS (
                            SELECT oid, relname FROM pg_class
                            WHERE relname = ANY(:tables) AND relnamespace = current_schema()::regnamespace)
                        SELECT 0 AS step, format('ALTER TABLE %I SET (autovacuum_enabled = false)', relname) AS drop_sql,
                            format('ALTER TABLE %I RESET (autovacuum_enabled)', relname) AS rebuild_sql
                        FROM loaded
                        UNION ALL
                        SELECT 1, format('ALTER TABLE %s DROP CONSTRAINT %I', f.conrelid::regclass, f.conname),
                            format('ALTER TABLE %s ADD CONSTRAINT %I %s', f.conrelid::regclass, f.conname,
                                pg_get_constraintdef(f.oid))
                        FROM pg_constraint f
                        WHERE f.contype = 'f'
                          AND (f.conrelid IN (SELECT oid FROM loaded) OR f.confrelid IN (SELECT oid FROM loaded))
                        UNION ALL
                        SELECT 2, CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                                ELSE format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname) END,
                            CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                                ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname,
                                    pg_get_constraintdef(c.oid)) END
                        FROM pg_index i
                        JOIN loaded t ON t.oid = i.indrelid
                        LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = t.oid
                            AND c.contype IN ('p', 'u', 'x')
                        WHERE i.indexrelid::regclass::text <> ALL(:kept)
                        ORDER BY 1, 2
                        """)
                .param("tables", TABLES.toArray(String[]::new))
                .param("kept", KEPT.toArray(String[]::new))
                .query(Index.class)
                .list();
        List<String> rebuild =
                new ArrayList<>(indexes.stream().map(Index::rebuildSql).toList());
        Collections.reverse(rebuild);
        write(rebuild);
        indexes.forEach(index -> jdbc.sql(index.dropSql()).update());
        return this::rebuildLeftOver;
    }

    private void rebuildLeftOver() {
        if (!Files.exists(pending)) {
            return;
        }
        try {
            List<String> statements = Files.readAllLines(pending);
            transaction.executeWithoutResult(status -> {
                // a sort of millions of keys: give it memory (this transaction only) rather than spill to disk
                jdbc.sql("SET LOCAL maintenance_work_mem = '512MB'").update();
                statements.stream()
                        .filter(statement -> !statement.isBlank())
                        .forEach(statement -> jdbc.sql(statement).update());
            });
            // what autovacuum would do to the new rows sooner or later (during a measurement, say): the visibility map
            // that index-only scans (the consent decision's) rely on, and the planner's statistics
            jdbc.sql("VACUUM (ANALYZE) " + String.join(", ", TABLES)).update();
            Files.delete(pending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<String> statements) {
        try {
            Files.write(pending, statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
