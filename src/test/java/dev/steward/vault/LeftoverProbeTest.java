package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep's probe for a person's records left after its batches reads the person's index entries latest due first
 * straight from the index (V165), with no sort: read in heap order, as the plain subject index gave them, its first
 * entries were the records the sweep had just erased, a heap fetch each (bench/README.md, sweep3, afternoon).
 */
@StewardTest
class LeftoverProbeTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theProbeWalksThePersonsEntriesBackwardsInTheSubjectIndexWithoutASort() {
        List<String> plan = transaction.execute(status -> {
            // the test database is small enough for a sequential scan to look cheaper; the sweep's is not
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN WITH g AS (SELECT CAST(:subject AS uuid) AS subject_id)" + " SELECT ("
                            + SweepRepository.LEFTOVER_PROBE + ") FROM g")
                    .param("subject", UUID.randomUUID())
                    .query(String.class)
                    .list();
        });

        String text = String.join("\n", plan);
        assertThat(text).contains("Backward using personal_record_subject on personal_record r");
        assertThat(text).doesNotContain("Sort");
    }
}
