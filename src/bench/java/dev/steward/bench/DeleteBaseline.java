package dev.steward.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The baseline of the retention benchmark: PostgreSQL deleting as many due rows, shaped like personal records (a key,
 * a subject, a due time, some ciphertext) and indexed the same way, in one plain statement. The table exists only
 * while the baseline runs.
 */
@Repository
class DeleteBaseline {

    private final JdbcClient jdbc;

    DeleteBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the seconds the DELETE of {@code rows} due rows took */
    @Transactional
    double delete(long rows) {
        jdbc.sql("""
                        CREATE TABLE bench_delete_baseline AS
                        SELECT gen_random_uuid() AS id, gen_random_uuid() AS subject_id,
                            now() - interval '1 day' AS due_at, decode(repeat('ab', 200), 'hex') AS fields_enc
                        FROM generate_series(1, :rows)
                        """).param("rows", rows).update();
        jdbc.sql("ALTER TABLE bench_delete_baseline ADD PRIMARY KEY (id)").update();
        jdbc.sql("CREATE INDEX ON bench_delete_baseline (due_at)").update();
        jdbc.sql("CREATE INDEX ON bench_delete_baseline (subject_id)").update();
        long started = System.nanoTime();
        jdbc.sql("DELETE FROM bench_delete_baseline WHERE due_at <= now()").update();
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.sql("DROP TABLE bench_delete_baseline").update();
        return seconds;
    }
}
