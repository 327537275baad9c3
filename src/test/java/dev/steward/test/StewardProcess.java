package dev.steward.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Steward as an operator runs it: {@code java -jar target/steward.jar WORDS SETTINGS} in a JVM of its own, on a
 * database of the test PostgreSQL, for fault tests that kill it for real ({@code kill -KILL}, which no JVM can catch
 * or clean up after). The jar is the one {@code mvn verify} packaged before the integration tests run.
 */
public final class StewardProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "steward.jar").toAbsolutePath();
    private static final Path LAB_CATALOG =
            Path.of("target", "test-classes", "catalogs", "lab").toAbsolutePath();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private StewardProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "steward-process-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code java -jar steward.jar WORDS} with the database, data directory and test catalogs given. */
    public static StewardProcess start(String database, Path dataDir, String... words) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: fault tests run in mvn verify, after package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(words));
        command.addAll(List.of(
                "--steward.database.url=" + database,
                "--steward.database.user=" + TestDatabase.user(),
                "--steward.data-dir=" + dataDir,
                "--steward.catalog=classpath:examples/olympus-2018,classpath:examples/omron-2012," + LAB_CATALOG));
        if (TestDatabase.password() != null) {
            command.add("--steward.database.password=" + TestDatabase.password());
        }
        try {
            return new StewardProcess(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command to its end and answers its exit code; fails when it takes longer than the time given. */
    public static Finished run(String database, Path dataDir, Duration atMost, String... words) {
        try (StewardProcess steward = start(database, dataDir, words)) {
            return new Finished(steward.awaitExit(atMost), steward.output());
        }
    }

    public record Finished(int exit, String output) {}

    public long pid() {
        return process.pid();
    }

    /** Waits for a line of output the predicate accepts, and answers it. */
    public String awaitLine(Predicate<String> wanted, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            while (seen < lines.size()) {
                String line = lines.get(seen++);
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && !reader.isAlive() && seen == lines.size()) {
                throw new AssertionError("Steward ended (exit " + process.exitValue()
                        + ") before printing the line awaited:\n" + output());
            }
            pause(Duration.ofMillis(2));
        }
        throw new AssertionError("No such line within " + atMost + ":\n" + output());
    }

    /** {@code kill -KILL}: the process ends at once, in whatever it was doing, with nothing flushed or closed. */
    public void kill() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Steward did not finish within " + atMost + ":\n" + output());
            }
            reader.join(5_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void read() {
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e.getClass().getSimpleName() + ")");
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
