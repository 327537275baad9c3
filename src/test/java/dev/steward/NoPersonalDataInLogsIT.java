package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole unit and integration suite (Failsafe, after Surefire) and reads everything the suite's
 * processes wrote to standard output and error, Steward's logs included. Every personal value the tests submit
 * carries {@link Canary#MARKER}; none may ever appear.
 */
class NoPersonalDataInLogsIT {

    @Test
    void noTestRunWroteAnyPersonalValueToItsLogs() throws IOException {
        List<Path> outputs = outputs();
        assertThat(outputs).as("the suite's captured output").isNotEmpty();
        long bytes = 0;
        for (Path output : outputs) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            bytes += text.length();
            assertThat(text.toLowerCase(Locale.ROOT))
                    .as("personal values in %s", output.getFileName())
                    .doesNotContain(Canary.MARKER.toLowerCase(Locale.ROOT));
        }
        assertThat(bytes).as("the logs actually hold the application's output").isGreaterThan(10_000);
    }

    private static List<Path> outputs() throws IOException {
        Path reports = Path.of("target/surefire-reports");
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-output.txt"))
                    .toList();
        }
    }
}
