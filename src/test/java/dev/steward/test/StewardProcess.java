package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steward as an operator runs it: {@code java -jar target/steward.jar} in a process of its own, killed as a machine
 * or the OOM killer would kill it ({@code kill -9}, which no JVM can catch or clean up after). Either the server, on
 * its own data directory (and so its own embedded PostgreSQL), or a command on a database of the test PostgreSQL. The
 * jar is the one {@code mvn verify} packaged before the integration tests run.
 */
public final class StewardProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "steward.jar");
    private static final Path BENCH_JAR = Path.of("target", "steward-bench.jar");
    /** Kept after the test, so that {@code NoPersonalDataInLogsIT} reads what every process wrote. */
    public static final Path LOGS = Path.of("target", "steward-processes");

    private static final Pattern ENVIRONMENT = Pattern.compile("--([A-Z][A-Z0-9_]*)=(.*)");
    private static final Path LAB_CATALOG =
            Path.of("target", "test-classes", "catalogs", "lab").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private StewardProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server and waits until it says it is running. */
    public static StewardProcess start(Path dataDir, int port, List<String> settings, Duration atMost) {
        StewardProcess steward = starting(dataDir, port, settings);
        steward.awaitLine(line -> line.contains("Steward is running"), atMost);
        return steward;
    }

    /** Starts the server without waiting, to kill it while it starts. */
    public static StewardProcess starting(Path dataDir, int port, List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--steward.data-dir=" + dataDir,
                "--steward.admin-password=" + StewardTest.ADMIN_PASSWORD));
        arguments.addAll(settings);
        return launch(false, port, arguments);
    }

    /**
     * Starts the server on a database of the test PostgreSQL, with the data directory given and the test catalogs (as
     * {@link #command} runs a command there) unless the settings name others, and waits until it says it is running.
     */
    public static StewardProcess serve(String database, Path dataDir, int port, Duration atMost, String... settings) {
        List<String> words = new ArrayList<>(List.of("serve", "--server.port=" + port));
        words.addAll(List.of(settings));
        StewardProcess steward = launch(false, port, commandArguments(database, dataDir, words.toArray(String[]::new)));
        steward.awaitLine(line -> line.contains("Steward is running"), atMost);
        return steward;
    }

    /**
     * Starts {@code java -jar steward.jar WORDS} on a database of the test PostgreSQL, with the data directory given
     * and the test catalogs, without waiting.
     */
    public static StewardProcess command(String database, Path dataDir, String... words) {
        return launch(false, 0, commandArguments(database, dataDir, words));
    }

    /** Runs a command to its end; fails when it takes longer than the time given. */
    public static Finished run(String database, Path dataDir, Duration atMost, String... words) {
        return finish(command(database, dataDir, words), atMost);
    }

    /** As {@link #command}, with the benchmark's commands ({@code bench ...}) added, as {@code bench/run} runs them. */
    public static StewardProcess bench(String database, Path dataDir, String... words) {
        return launch(true, 0, commandArguments(database, dataDir, words));
    }

    public static Finished runBench(String database, Path dataDir, Duration atMost, String... words) {
        return finish(bench(database, dataDir, words), atMost);
    }

    private static Finished finish(StewardProcess started, Duration atMost) {
        try (StewardProcess steward = started) {
            return new Finished(steward.awaitExit(atMost), steward.output());
        }
    }

    private static List<String> commandArguments(String database, Path dataDir, String... words) {
        List<String> arguments = new ArrayList<>(List.of(words));
        arguments.addAll(List.of(
                "--steward.database.url=" + database,
                "--steward.database.user=" + TestDatabase.user(),
                "--steward.data-dir=" + dataDir));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--steward.catalog="))) {
            arguments.add(
                    "--steward.catalog=classpath:examples/olympus-2018,classpath:examples/omron-2012," + LAB_CATALOG);
        }
        if (TestDatabase.password() != null) {
            arguments.add("--steward.database.password=" + TestDatabase.password());
        }
        return arguments;
    }

    /** How a command ended: its exit code and everything it printed. */
    public record Finished(int exit, String output) {}

    private static StewardProcess launch(boolean withBench, int port, List<String> arguments) {
        for (Path jar : withBench ? List.of(JAR, BENCH_JAR) : List.of(JAR)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: these tests run in mvn verify, after package");
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a test's Steward starts fast rather than runs fast
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m"));
        command.addAll(
                withBench
                        ? List.of(
                                "-Dloader.path=" + BENCH_JAR.toAbsolutePath(),
                                "-cp",
                                JAR.toAbsolutePath().toString(),
                                "org.springframework.boot.loader.launch.PropertiesLauncher")
                        : List.of("-jar", JAR.toAbsolutePath().toString()));
        Map<String, String> environment = new HashMap<>();
        for (String argument : arguments) {
            // an environment variable's name (a webhook secret the catalog names) goes to the environment, as an
            // operator would set it; the command line takes dotted settings only
            Matcher variable = ENVIRONMENT.matcher(argument);
            if (variable.matches()) {
                environment.put(variable.group(1), variable.group(2));
            } else {
                command.add(argument);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            Path log = Files.createTempFile(Files.createDirectories(LOGS), "steward-", ".log");
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new StewardProcess(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Waits, looking every few milliseconds, until the condition holds (typically something seen in the database
     * while the process works); fails when the process ends first or the time runs out.
     */
    public void awaitUntil(BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Steward " + (process.isAlive() ? "took longer than " + atMost : "ended")
                        + " before what was awaited:\n" + output());
            }
            sleep(Duration.ofMillis(5));
        }
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

    /** Waits for a line of output the predicate accepts, and answers it. */
    public String awaitLine(Predicate<String> wanted, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            boolean ended = !process.isAlive();
            List<String> lines = output().lines().toList();
            // the last line may still be being written unless the process ended
            int complete = ended ? lines.size() : Math.max(0, lines.size() - 1);
            for (; seen < complete; seen++) {
                if (wanted.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            if (ended) {
                throw new AssertionError("Steward ended (exit " + process.exitValue()
                        + ") before printing what was awaited:\n" + output());
            }
            sleep(Duration.ofMillis(5));
        }
        process.destroyForcibly();
        throw new AssertionError("Steward did not print what was awaited within " + atMost + ":\n" + output());
    }

    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Steward did not finish within " + atMost + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released; an embedded PostgreSQL is left behind. */
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

    /** Whether a process this one started (directly or not) runs the program named, {@code initdb} for example. */
    public boolean runs(String program) {
        return process.descendants()
                .anyMatch(child -> child.info().command().orElse("").endsWith("/" + program));
    }

    /**
     * SIGKILL of this process and of every process it started (initdb, the embedded PostgreSQL), as the end of a
     * container, a startup probe giving up or a power cut ends them all at once; answers the programs killed besides
     * the JVM.
     */
    public List<String> killWithChildren() {
        List<String> programs = ProcessTree.kill(process.toHandle());
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return programs;
    }

    /** A clean stop (SIGTERM), as a service manager stops it; nothing when it has ended already. */
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
