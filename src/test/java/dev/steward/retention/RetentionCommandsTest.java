package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code retention plan} and {@code retention sweep} on a database of their own. */
class RetentionCommandsTest {

    /** No PostgreSQL listens here: a command that tried to use the database would fail. */
    private static final String NO_DATABASE = "jdbc:postgresql://127.0.0.1:1/none";

    @TempDir
    Path dataDir;

    @Test
    void thePlanListsEachActivityWithItsRuleAndTheSweepErasesWhatIsDueShowingProgress() {
        String database = TestDatabase.newDatabase();

        TestServer.Run plan = TestServer.command(database, dataDir, "retention", "plan", "--site", "lab");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out())
                .as("a time an operator reads, not an instant to the nanosecond")
                .containsPattern("^Retention plan at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\(records;");
        assertThat(plan.out().lines())
                .anyMatch(line -> line.matches(
                        "SITE +ACTIVITY +RULE +OVERDUE +NEXT 24 H +1-7 DAYS +7-30 DAYS +LATER" + " +NO DUE TIME YET"))
                .anyMatch(line -> line.matches("lab +trial +P7D +0 +0 +0 +0 +0 +0"))
                .anyMatch(line -> line.matches("lab +invoicing +P10Y, at least P10Y +0 +0 +0 +0 +0 +0"))
                .noneMatch(line -> line.startsWith("olympus-ims"));

        JdbcClient jdbc =
                JdbcClient.create(new DriverManagerDataSource(database, TestDatabase.user(), TestDatabase.password()));
        DueRecords due =
                DueRecords.seed(jdbc, 12, "bulk", "bulk-day", Instant.now().minusSeconds(60));
        TestServer.Run planned = TestServer.command(database, dataDir, "retention", "plan");
        assertThat(planned.out().lines()).anyMatch(line -> line.matches("lab +bulk +P1D +12 +0 +0 +0 +0 +0"));

        TestServer.Run sweep = TestServer.command(database, dataDir, "retention", "sweep");

        assertThat(sweep.exit()).as(sweep.err()).isZero();
        assertThat(sweep.err()).contains("retention sweep 100% [").contains("] 12/12 records");
        assertThat(sweep.out())
                .contains("Sweeping records due now, in batches of 20000")
                // each of the two workers sweeps its own share of the subjects, so the records may take two batches
                .containsPattern("Sweep finished: [12] batches, 12 records erased")
                .containsPattern(
                        "Deletion certificate [0-9a-f-]{36}: 12 records erased, chain row 1, hash [0-9a-f]{64}");
        assertThat(due.remaining(jdbc)).isZero();
        assertThat(TestServer.command(database, dataDir, "retention", "sweep").out())
                .contains("Nothing was due: no certificate issued.");
    }

    @Test
    void wrongArgumentsPrintTheUsageWithoutStartingADatabase() {
        TestServer.Run unknownOption = TestServer.command(NO_DATABASE, dataDir, "retention", "plan", "--colour");
        TestServer.Run unknownSite = TestServer.command(NO_DATABASE, dataDir, "retention", "plan", "--site", "nowhere");
        TestServer.Run sweepWithArguments = TestServer.command(NO_DATABASE, dataDir, "retention", "sweep", "now");

        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err())
                .startsWith("Unknown option: '--colour'")
                .contains("Usage: java -jar steward.jar retention plan [-hV] [--site=SITE]");
        assertThat(unknownSite.exit()).isEqualTo(2);
        assertThat(unknownSite.err()).contains("There is no site 'nowhere' in the catalog.");
        assertThat(sweepWithArguments.exit()).isEqualTo(2);
        assertThat(sweepWithArguments.err())
                .startsWith("Unmatched argument at index 2: 'now'")
                .contains("Usage: java -jar steward.jar retention sweep [-hV]");
    }
}
