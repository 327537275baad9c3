package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged {@code target/steward.jar} as an operator runs it, in an empty working directory: asking for help or
 * the version starts nothing (no {@code ./data}, no master key, no database, no server), and the jar holds no
 * benchmark class (they are in {@code steward-bench.jar}); {@code bin/steward} runs the same commands with a class
 * archive.
 */
class CommandLineJarIT {

    private static final Path JAR = Path.of("target", "steward.jar").toAbsolutePath();
    private static final Path BENCH_JAR = Path.of("target", "steward-bench.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("bin", "steward").toAbsolutePath();

    @TempDir
    Path workingDir;

    record Run(int exit, String out, String err) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "-h",
                "--version",
                "-V",
                "help",
                "help catalog check",
                "catalog check --help",
                "consent import --help",
                "cookies scan --help",
                "retention sweep --help",
                "keys rotate -h",
                "serve --help"
            })
    void helpAndVersionAnswerWithoutStartingAnything(String words) throws Exception {
        Run run = run(List.of("java", "-jar", JAR.toString()), words.split(" "));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsAnyOf("Usage: java -jar steward.jar", "Steward ");
        assertThat(run.err()).isEmpty();
        try (Stream<Path> created = Files.list(workingDir)) {
            assertThat(created).as("files created by " + words).isEmpty();
        }
    }

    @Test
    void aUsageErrorStartsNothingEitherAndExitsWithTwo() throws Exception {
        Run run = run(List.of("java", "-jar", JAR.toString()), "retention", "sweep", "--now");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).first().isEqualTo("Unknown option: '--now'");
        try (Stream<Path> created = Files.list(workingDir)) {
            assertThat(created).isEmpty();
        }
    }

    @Test
    void theProductJarHoldsNoBenchmarkClassAndTheBenchJarHoldsThem() throws IOException {
        try (JarFile product = new JarFile(JAR.toFile());
                JarFile bench = new JarFile(BENCH_JAR.toFile())) {
            assertThat(product.stream().map(entry -> entry.getName()))
                    .contains("BOOT-INF/classes/dev/steward/StewardApplication.class")
                    .noneMatch(name -> name.contains("dev/steward/bench/") || name.contains("DkimCost"));
            // DkimCost sits in the mail package to measure its package-private signer as the server runs it
            assertThat(bench.stream().map(entry -> entry.getName()))
                    .contains(
                            "dev/steward/bench/SeedCommand.class",
                            "dev/steward/bench/SyntheticPeople.class",
                            "dev/steward/mail/DkimCost.class")
                    .allMatch(name -> name.startsWith("dev/steward/bench/")
                            || name.startsWith("dev/steward/mail/DkimCost")
                            || name.startsWith("META-INF/")
                            || name.endsWith("/"));
        }
    }

    @Test
    void theBenchJarOnTheLoaderPathAddsTheBenchCommands() throws Exception {
        Run run = run(
                List.of(
                        "java",
                        "-Dloader.path=" + BENCH_JAR,
                        "-cp",
                        JAR.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"),
                "bench",
                "--help");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("seed", "due", "consent-file", "copy", "delete", "rights", "sample");
    }

    @Test
    void binStewardAnswersAsTheJarDoesAndRecordsItsClassArchiveFromTheFirstCommandThatSucceeds() throws Exception {
        Path cds = workingDir.resolve("cds");
        Map<String, String> settings = Map.of("STEWARD_JAR", JAR.toString(), "STEWARD_CDS_DIR", cds.toString());
        String catalog = Path.of("examples", "olympus-2018").toAbsolutePath().toString();

        Run version = run(List.of(LAUNCHER.toString()), settings, "--version");
        Run usage = run(List.of(LAUNCHER.toString()), settings, "retention", "sweep", "--now");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("Steward ");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err().lines()).first().isEqualTo("Unknown option: '--now'");
        assertThat(archives(cds))
                .as("neither help nor a usage error records an archive")
                .isEmpty();

        Run first = run(List.of(LAUNCHER.toString()), settings, "catalog", "check", catalog);
        Run plain = run(List.of("java", "-jar", JAR.toString()), "catalog", "check", catalog);
        assertThat(archives(cds)).hasSize(1);
        Run second = run(List.of(LAUNCHER.toString()), settings, "catalog", "check", catalog);

        assertThat(List.of(first, second))
                .as("with and without the archive, as the jar answers")
                .containsOnly(plain);
        assertThat(plain.exit()).as(plain.err()).isZero();
    }

    /**
     * The server gets the serial collector and a 320 MB heap (what the benchmark measures it with), a command (help
     * here, which records no class archive) its own options, and STEWARD_JAVA_OPTS win over both. {@code -version}
     * ends the JVM before the jar runs, so what {@code -XX:+PrintCommandLineFlags} prints is what bin/steward gave it.
     */
    @Test
    void binStewardRunsTheServerWithTheSerialCollectorAndA320MbHeapUnlessToldOtherwise() throws Exception {
        String cds = workingDir.resolve("cds").toString();
        Map<String, String> flags = Map.of(
                "STEWARD_JAR",
                JAR.toString(),
                "STEWARD_CDS_DIR",
                cds,
                "STEWARD_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags -version");
        Map<String, String> larger = Map.of(
                "STEWARD_JAR",
                JAR.toString(),
                "STEWARD_CDS_DIR",
                cds,
                "STEWARD_JAVA_OPTS",
                "-Xmx1g -XX:+PrintCommandLineFlags -version");

        Run serve = run(List.of(LAUNCHER.toString()), flags, "serve");
        Run noWords = run(List.of(LAUNCHER.toString()), flags);
        Run command = run(List.of(LAUNCHER.toString()), flags, "help");
        Run overridden = run(List.of(LAUNCHER.toString()), larger, "serve");

        for (Run server : List.of(serve, noWords)) {
            assertThat(server.exit()).as(server.err()).isZero();
            assertThat(server.out())
                    .contains("-XX:+UseSerialGC", "-XX:MaxHeapSize=335544320", "-XX:ThreadStackSize=512")
                    .doesNotContain("Tier4InvocationThreshold");
        }
        assertThat(command.out()).contains("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000");
        assertThat(command.out()).doesNotContain("-XX:MaxHeapSize=335544320");
        assertThat(overridden.out()).contains("-XX:+UseSerialGC", "-XX:MaxHeapSize=1073741824");
    }

    private static List<Path> archives(Path cds) throws IOException {
        try (Stream<Path> files = Files.walk(cds)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).toList();
        }
    }

    private Run run(List<String> java, String... words) throws IOException, InterruptedException {
        return run(java, Map.of(), words);
    }

    private Run run(List<String> java, Map<String, String> settings, String... words)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(words));
        Path out = Files.createTempFile("steward-cli", ".out");
        Path err = Files.createTempFile("steward-cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("STEWARD_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited)
                .as("the command ended by itself, so it started no server")
                .isTrue();
        Run run = new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
