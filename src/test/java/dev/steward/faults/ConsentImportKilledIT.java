package dev.steward.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.InitializedSteward;
import dev.steward.test.StewardProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consent import killed with SIGKILL while it writes leaves nothing behind: the file is imported in one
 * transaction, entirely or not at all, and importing it again afterwards imports it once.
 */
class ConsentImportKilledIT {

    private static final int ROWS = 30_000;
    /** About a sixth of the file's rows. */
    private static final long WRITTEN_AT_KILL = 1_500_000;

    @TempDir
    Path work;

    @Test
    void aConsentImportKilledWhileWritingImportsNothingAndTheNextRunImportsEverythingOnce() throws IOException {
        InitializedSteward steward = InitializedSteward.copy(
                "import_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = SweepKilledIT.jdbc(steward.database());
        Path file = work.resolve("consents.csv");
        Files.writeString(
                file,
                IntStream.range(0, ROWS)
                        .mapToObj(i -> "lab," + Canary.email("person-" + i, "import.invalid")
                                + ",newsletter,given,2026-01-05T10:00:00Z,import,"
                                + "\"Send me the monthly lab newsletter.\"")
                        .collect(Collectors.joining(
                                "\n", "site,email,purpose,action,occurred_at,method,wording\n", "\n")));

        long writtenAtKill;
        try (StewardProcess load =
                StewardProcess.command(steward.database(), steward.dataDir(), "consent", "import", file.toString())) {
            // rows written but not committed take room in the table already: kill once a few thousand did
            load.awaitUntil(() -> tableBytes(jdbc) >= WRITTEN_AT_KILL, Duration.ofSeconds(90));
            load.kill();
            writtenAtKill = tableBytes(jdbc);
        }
        long eventsAfterKill = events(jdbc);
        long subjectsAfterKill = subjects(jdbc);
        assertThat(eventsAfterKill).isZero();
        assertThat(subjectsAfterKill).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM chain_checkpoint WHERE chain = 'consent'")
                        .query(Long.class)
                        .single())
                .isZero();

        StewardProcess.Finished again = StewardProcess.run(
                steward.database(), steward.dataDir(), Duration.ofSeconds(120), "consent", "import", file.toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(events(jdbc)).isEqualTo(ROWS);
        assertThat(subjects(jdbc)).isEqualTo(ROWS);
        // one signed checkpoint per written batch of 5,000, the last at the chain's last row; receipts come on request
        assertThat(jdbc.sql("SELECT count(*), max(seq) FROM chain_checkpoint WHERE chain = 'consent'")
                        .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(ROWS / 5_000L, (long) ROWS);

        new Figures("consent-import-killed")
                .put("rows in the file", ROWS)
                .put("bytes of consent rows written, uncommitted, when killed", writtenAtKill)
                .put("consent events after the kill", eventsAfterKill)
                .put("subjects after the kill", subjectsAfterKill)
                .put("consent events after the second run", events(jdbc))
                .put("subjects after the second run", subjects(jdbc))
                .write();
    }

    private static long tableBytes(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_relation_size('consent_event')")
                .query(Long.class)
                .single();
    }

    private static long events(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM consent_event").query(Long.class).single();
    }

    private static long subjects(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM data_subject").query(Long.class).single();
    }
}
