package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Steward as an operator runs it: {@code java -jar target/steward.jar} in a process of its own, on its own data
 * directory (and so its own embedded PostgreSQL), killed as a machine or the OOM killer would kill it.
 */
public final class StewardProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "steward.jar");

    private final Process process;
    private final Path log;
    private final int port;

    private StewardProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    private static final java.util.regex.Pattern ENVIRONMENT =
            java.util.regex.Pattern.compile("--([A-Z][A-Z0-9_]*)=(.*)");

    /** Starts Steward and waits until it says it is running. */
    public static StewardProcess start(Path dataDir, int port, List<String> settings, Duration atMost) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a test's Steward starts fast rather than runs fast
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--steward.data-dir=" + dataDir,
                "--steward.admin-password=" + StewardTest.ADMIN_PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String setting : settings) {
            // an environment variable's name (a webhook secret the catalog names) goes to the environment, as an
            // operator would set it; the command line takes dotted settings only
            java.util.regex.Matcher variable = ENVIRONMENT.matcher(setting);
            if (variable.matches()) {
                builder.environment().put(variable.group(1), variable.group(2));
            } else {
                command.add(setting);
            }
        }
        try {
            Path log = Files.createTempFile(dataDir.getParent(), "steward-", ".log");
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            StewardProcess steward = new StewardProcess(process, log, port);
            steward.awaitRunning(atMost);
            return steward;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRunning(Duration atMost) throws IOException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.contains("Steward is running")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Steward stopped while starting:\n" + output);
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Steward did not start in " + atMost + ":\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released; the embedded PostgreSQL is left behind. */
    public void kill() {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start();
            kill.waitFor(10, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clean stop (SIGTERM), as a service manager stops it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
