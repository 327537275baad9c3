package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code java -jar target/steward.jar} started as an operator starts it, in an empty directory. */
class ServeJarIT {

    private static final Path JAR = Path.of("target", "steward.jar").toAbsolutePath();

    @TempDir
    Path workingDir;

    @Test
    void withEcsLogsEveryLineIsJsonAndTheBannerIsAnEventWithThePublicUrlAndNoPassword() throws Exception {
        Path log = workingDir.resolve("steward.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString(), "--server.port=0")
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("STEWARD_"));
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        builder.environment().put("STEWARD_PUBLIC_URL", "https://privacy.example.com");
        Process server = builder.start();
        try {
            String banner = awaitLine(log, server, "Steward is running at");
            JsonNode event = Json.read(banner);
            Path file = workingDir.resolve("data/initial-admin-password");
            String password = Files.readString(file).strip();

            assertThat(event.at("/log/logger").asString()).isEqualTo("dev.steward.staff.StartBanner");
            assertThat(event.at("/steward/url").asString()).isEqualTo("https://privacy.example.com/");
            assertThat(event.at("/steward/console_url").asString()).isEqualTo("https://privacy.example.com/admin");
            assertThat(event.at("/message").asString()).contains("with the generated password in " + file);
            stop(server);
            assertThat(Files.readString(log)).doesNotContain(password);
            assertThat(Files.readAllLines(log))
                    .allSatisfy(line ->
                            assertThat(line).startsWith("{\"@timestamp\"").endsWith("}"));
        } finally {
            stop(server);
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        server.waitFor(1, TimeUnit.MINUTES);
    }

    @Test
    void anUnreachableDatabaseIsExplainedWithoutAStackTraceAndExitsWithOne() throws Exception {
        Path log = workingDir.resolve("steward.log");
        Process server = new ProcessBuilder(
                        "java",
                        "-jar",
                        JAR.toString(),
                        "--server.port=0",
                        "--steward.database.url=jdbc:postgresql://127.0.0.1:1/none?password=secret")
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(server.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isEqualTo(1);
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Steward cannot reach the database at jdbc:postgresql://127.0.0.1:1/none: Connection to"
                        + " 127.0.0.1:1 refused")
                .contains("Check STEWARD_DATABASE_URL")
                .doesNotContain("\tat ")
                .doesNotContain("password=secret");
        assertThat(workingDir.resolve("data")).doesNotExist();
    }

    private static String awaitLine(Path log, Process server, String marker) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no line with '" + marker + "' in:\n" + Files.readString(log));
    }
}
