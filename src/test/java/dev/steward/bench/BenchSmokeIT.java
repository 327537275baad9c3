package dev.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bench/run --smoke} against the jar this build packaged, so the harness, the data generator and every
 * workload keep working. The figures of a smoke run on tiny data mean nothing and are not checked, only that each
 * workload produced its own.
 */
class BenchSmokeIT {

    @Test
    void theSmokeRunMeasuresEveryWorkloadAndWritesTheResults() throws IOException, InterruptedException {
        Path work = Path.of("target", "bench-smoke").toAbsolutePath();
        Files.createDirectories(work);
        Path results = work.resolve("smoke.json");
        Path output = work.resolve("run.log");
        Files.deleteIfExists(results);
        ProcessBuilder builder = new ProcessBuilder("bench/run", "--smoke")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("BENCH_WORK", work.toString());
        builder.environment().put("BENCH_RESULTS", results.toString());
        builder.environment().put("BENCH_NO_BUILD", "1");
        builder.environment().put("BENCH_PORT", "18580");
        Process run = builder.start();

        // About 4.5 minutes here, most of it the JVM and embedded PostgreSQL starts of some twenty commands and
        // servers;
        // a slower CI machine took over 5. The limit only stops a hung run.
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }

        String log = Files.readString(output);
        assertThat(finished).as(log).isTrue();
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(Files.readString(results))
                .contains("\"machine\"")
                .contains(
                        "\"access_export_p99\"",
                        "\"erasure_p99\"",
                        "\"consent_import\"",
                        "\"retention_sweep\"",
                        "\"decision_requests_per_s\"",
                        "\"decision_p99\"",
                        "\"decision_cpu_per_request\"",
                        "\"decision_load_cpu_per_request\"",
                        "\"steward_peak_rss\"",
                        "\"campaign_messages_per_s\"",
                        "\"campaign_peak_rss\"");
    }
}
