package dev.steward.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.InitializedSteward;
import dev.steward.test.StewardProcess;
import dev.steward.test.SubjectTraces;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasures killed with SIGKILL mid-way (one person after another, through the vault as an erasure request erases
 * them): each person is either erased completely, with the tombstone in the database's log and, once Steward runs
 * again, in the file kept outside it, or not at all. A kill inside write(2) leaves the file's last line cut short
 * (no one can aim a kill at those microseconds, so the test cuts it): Steward still starts (restore-replay runs the
 * start's reconciliation), and the file ends up with every tombstone once, each line whole.
 */
class ErasureKilledIT {

    private static final int PEOPLE = 400;
    private static final int ERASING = 300;

    @Test
    void anErasureKilledMidWayIsCompleteWithItsTombstoneOrDidNotHappen() throws IOException {
        InitializedSteward steward = InitializedSteward.copy(
                "erasure_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = SweepKilledIT.jdbc(steward.database());
        steward.seed(PEOPLE);
        Set<UUID> people = Set.copyOf(
                jdbc.sql("SELECT id FROM data_subject").query(UUID.class).list());
        long recordsBefore = records(jdbc);

        try (StewardProcess erasing = StewardProcess.bench(
                steward.database(),
                steward.dataDir(),
                "bench",
                "rights",
                "--sample",
                Integer.toString(ERASING),
                "--warmup",
                "0")) {
            erasing.awaitUntil(() -> tombstones(jdbc).size() >= ERASING / 6, Duration.ofSeconds(90));
            erasing.kill();
        }
        Set<UUID> erased = tombstones(jdbc);
        Set<UUID> kept = new HashSet<>(people);
        kept.removeAll(erased);
        Path file = steward.dataDir().resolve("erasure-log.jsonl");
        Set<UUID> inFileAtKill = inFile(file);
        // the kill may land inside write(2), which is not atomic: the file's last line is then cut short, as here
        assertThat(inFileAtKill).as("a line to cut").isNotEmpty();
        long cut = cutLastLine(file);

        assertThat(erased).as("killed mid-way").hasSizeBetween(ERASING / 6, ERASING - 1);
        assertThat(people).containsAll(erased);
        assertThat(SubjectTraces.of(jdbc, erased))
                .as("nothing left of those erased")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM suppressed_identifier")
                        .query(Long.class)
                        .single())
                .as("each erased address suppressed")
                .isEqualTo(erased.size());
        assertThat(ids(jdbc, "SELECT id FROM data_subject")).isEqualTo(kept);
        assertThat(ids(jdbc, "SELECT DISTINCT subject_id FROM subject_identifier"))
                .as("everyone else whole")
                .isEqualTo(kept);
        assertThat(records(jdbc)).isEqualTo(recordsBefore - erased.size());
        assertThat(erased).containsAll(inFileAtKill);

        StewardProcess.Finished reconciled =
                StewardProcess.run(steward.database(), steward.dataDir(), Duration.ofSeconds(120), "restore-replay");
        assertThat(reconciled.exit()).as(reconciled.output()).isZero();
        assertThat(inFile(file)).isEqualTo(erased);
        assertThat(tombstoneLines(file))
                .as("the cut line written again whole, each tombstone once")
                .hasSize(erased.size())
                .doesNotHaveDuplicates();
        StewardProcess.Finished verified =
                StewardProcess.run(steward.database(), steward.dataDir(), Duration.ofSeconds(120), "ledger", "verify");
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(tombstones(jdbc))
                .as("nothing replayed: the database was not restored")
                .isEqualTo(erased);

        new Figures("erasure-killed")
                .put("people", PEOPLE)
                .put("erased before the kill (tombstone in the database)", erased.size())
                .put("of those, tombstone in the file at the kill", inFileAtKill.size())
                .put("tombstones written to the file afterwards", erased.size() - inFileAtKill.size())
                .put("bytes of the last line left after the cut", cut)
                .put(
                        "rows naming an erased person outside the evidence chains",
                        SubjectTraces.of(jdbc, erased).values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .put("columns searched for the erased", SubjectTraces.columnsSearched(jdbc))
                .write();
    }

    private static Set<UUID> tombstones(JdbcClient jdbc) {
        return ids(jdbc, "SELECT subject_id FROM erasure_log WHERE subject_id IS NOT NULL");
    }

    private static Set<UUID> ids(JdbcClient jdbc, String sql) {
        return Set.copyOf(jdbc.sql(sql).query(UUID.class).list());
    }

    private static long records(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM personal_record")
                .query(Long.class)
                .single();
    }

    /**
     * Cuts the file's last line in the middle, as a process killed inside its write leaves it; answers how many bytes
     * of the line are left.
     */
    private static long cutLastLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = bytes.length - 1;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        int left = (bytes.length - start) / 2;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(start + left);
        }
        return left;
    }

    /** The tombstone ids of the file's lines, one per line. */
    private static List<UUID> tombstoneLines(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(file).stream()
                .map(line -> UUID.fromString(json.readTree(line).get("id").asString()))
                .toList();
    }

    private static Set<UUID> inFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Set.of();
        }
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = Files.readAllLines(file);
        return lines.stream()
                .filter(line -> !line.isBlank())
                .map(line -> UUID.fromString(json.readTree(line).get("subject").asString()))
                .collect(Collectors.toSet());
    }
}
