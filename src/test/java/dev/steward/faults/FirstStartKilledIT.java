package dev.steward.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A first start (an empty data directory, so the embedded PostgreSQL's initdb runs) killed together with everything
 * it started, as the end of a container or a startup probe giving up on a slow first start kills them: once when
 * initdb has written the cluster's configuration and works on its databases, then the next start as soon as its
 * initdb begins. The start after that must run on a whole database, where on main every later start refused
 * ("database "postgres" does not exist") until the directory was deleted by hand.
 */
class FirstStartKilledIT {

    private static final int PORT = 18873;
    private static final List<String> SETTINGS = List.of("--steward.retention.scheduled=false");

    @Test
    void aFirstStartKilledWhileInitdbRunsLeavesNothingThatStopsTheNextStart() throws IOException {
        long begin = System.nanoTime();
        Path work =
                Files.createDirectories(Path.of("target", "first-start-killed").toAbsolutePath());
        Path data = Files.createTempDirectory(work, "data-");

        List<String> late = killInsideInitdb(data, () -> configured(data));
        List<String> early = killInsideInitdb(data, () -> true);
        double killed = seconds(begin);

        try (StewardProcess steward = StewardProcess.start(data, PORT, SETTINGS, Duration.ofSeconds(120))) {
            Http http = steward.http();
            steward.awaitUntil(
                    () -> http.get("/actuator/health/readiness").statusCode() == 200, Duration.ofSeconds(60));
            assertThat(http.get("/api/v1/admin/statistics", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                            .statusCode())
                    .as("the first administrator made at the start that ran")
                    .isEqualTo(200);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("nothing left of the killed first starts")
                    .doesNotContain("postgres.initdb");
        }

        new Figures("first-start-killed")
                .put("killed once initdb had written postgresql.conf, besides the JVM", late)
                .put("killed as initdb began, besides the JVM", early)
                .put("seconds to both kills", killed)
                .put("seconds until the third start ran and was stopped", seconds(begin))
                .write();
    }

    /** Starts Steward and kills it and its children once initdb runs and the moment has come; answers what died. */
    private static List<String> killInsideInitdb(Path data, BooleanSupplier moment) {
        StewardProcess starting = StewardProcess.starting(data, PORT, SETTINGS);
        try {
            starting.awaitUntil(() -> starting.runs("initdb") && moment.getAsBoolean(), Duration.ofSeconds(120));
            List<String> killed = starting.killWithChildren();
            assertThat(killed).as("killed while initdb ran").contains("initdb");
            return killed;
        } finally {
            starting.close();
        }
    }

    /** initdb has written a cluster's configuration, under the cluster's name or the one it is made under. */
    private static boolean configured(Path data) {
        return Stream.of("postgres", "postgres.initdb")
                .anyMatch(cluster -> Files.exists(data.resolve(cluster).resolve("postgresql.conf")));
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
