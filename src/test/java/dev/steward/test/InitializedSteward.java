package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database and data directory as a first start of Steward leaves them (schema, published notices, keys, the first
 * administrator), for commands that need one: made once per test JVM by starting Steward, then copied for each test
 * ({@code CREATE DATABASE ... TEMPLATE}, and the key sets the database's keys are wrapped with).
 */
public record InitializedSteward(String database, Path dataDir) {

    /** The template: its database's name (not its address), and its data directory. */
    private static InitializedSteward template;

    /** A copy under the name given (unique in this run), with a data directory of its own. */
    public static synchronized InitializedSteward copy(String name) {
        if (template == null) {
            template = first();
        }
        try {
            Path dataDir = Files.createTempDirectory("steward-" + name + "-");
            Directories.copy(template.dataDir().resolve("keys"), dataDir.resolve("keys"));
            return new InitializedSteward(TestDatabase.copyOf(template.database(), name), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeds made-up people, one record and one consent each, as the benchmark's {@code bench seed} does. */
    public void seed(int people) {
        StewardProcess.Finished seeded = StewardProcess.runBench(
                database,
                dataDir,
                Duration.ofSeconds(120),
                "bench",
                "seed",
                "--subjects",
                Integer.toString(people),
                "--events-per-subject",
                "1");
        if (seeded.exit() != 0) {
            throw new AssertionError("bench seed failed:\n" + seeded.output());
        }
    }

    private static InitializedSteward first() {
        try {
            String name = "steward_template_" + ProcessHandle.current().pid();
            String database = TestDatabase.newDatabase(name);
            Path dataDir = Files.createTempDirectory("steward-template-");
            try (ConfigurableApplicationContext ignored = TestServer.start(
                    database,
                    dataDir,
                    "--steward.catalog=" + StewardTest.CATALOGS,
                    "--steward.retention.scheduled=false")) {
                // the start itself is what the copies need
            }
            return new InitializedSteward(name, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
