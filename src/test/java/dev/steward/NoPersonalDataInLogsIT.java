package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.StewardProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole unit and integration suite (its own Failsafe execution, after every other) and reads
 * everything the suite's processes wrote: the test JVMs' standard output and error, Steward's logs included, and the
 * logs of every Steward process the integration tests started and killed, and of the benchmark's smoke run. Every
 * personal value the tests submit carries {@link Canary#MARKER}, and every synthetic person of the benchmark's data
 * has an address at {@value #BENCH_DOMAIN}; neither may ever appear.
 */
class NoPersonalDataInLogsIT {

    private static final String BENCH_DOMAIN = "@bench.invalid";

    @Test
    void noTestRunWroteAnyPersonalValueToItsLogs() throws IOException {
        List<Path> outputs = Stream.of(
                        files(Path.of("target", "surefire-reports"), "-output.txt"),
                        files(Path.of("target", "failsafe-reports"), "-output.txt"),
                        files(StewardProcess.LOGS, ".log"),
                        files(Path.of("target", "bench-smoke"), ".log"))
                .flatMap(List::stream)
                .toList();
        assertThat(outputs).as("the suite's captured output").isNotEmpty();
        long bytes = 0;
        for (Path output : outputs) {
            String text = Files.readString(output, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            bytes += text.length();
            assertThat(text)
                    .as("personal values in %s", output)
                    .doesNotContain(Canary.MARKER.toLowerCase(Locale.ROOT), BENCH_DOMAIN);
        }
        assertThat(bytes).as("the logs actually hold the application's output").isGreaterThan(10_000);
    }

    /** The files below {@code folder} (the benchmark's server logs lie a few levels down) ending in {@code suffix}. */
    private static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .toList();
        }
    }
}
