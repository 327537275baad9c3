package dev.steward.bench;

import dev.steward.platform.BulkCopy;
import java.io.InputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The baseline of the import benchmark: the same CSV file copied as it is into a plain table with one column per
 * value, which is as fast as PostgreSQL takes rows. The table exists only while the baseline runs.
 */
@Repository
class CopyBaseline {

    private final JdbcClient jdbc;
    private final BulkCopy copy;

    CopyBaseline(JdbcClient jdbc, BulkCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    @Transactional
    long copy(InputStream csv) {
        jdbc.sql("""
                        CREATE TABLE bench_copy_baseline (site TEXT, email TEXT, purpose TEXT, action TEXT,
                            occurred_at TIMESTAMPTZ, method TEXT, wording TEXT)
                        """).update();
        long rows = copy.copy("COPY bench_copy_baseline FROM STDIN (FORMAT csv, HEADER true)", csv);
        jdbc.sql("DROP TABLE bench_copy_baseline").update();
        return rows;
    }
}
