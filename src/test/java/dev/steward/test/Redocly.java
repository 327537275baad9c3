package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Redocly's CLI, the OpenAPI linter, from npm (see {@link NpmPackage}); it runs with Debian's node, offline. */
public final class Redocly {

    static final String VERSION = "2.77.0";

    private Redocly() {}

    /** Lints the description with Redocly's recommended rules: the exit code and everything it printed. */
    public static Result lint(Path description) {
        Path cli = NpmPackage.installed("@redocly/cli", VERSION, "bin/cli.js").resolve("bin/cli.js");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            "node",
                            cli.toString(),
                            "lint",
                            "--extends",
                            "recommended",
                            "--format",
                            "stylish",
                            "--max-problems",
                            "1000",
                            description.toString())
                    .redirectErrorStream(true);
            // nothing leaves the machine: no usage data, no look for a newer version
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process lint = builder.start();
            String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!lint.waitFor(2, TimeUnit.MINUTES)) {
                lint.destroyForcibly();
                throw new IllegalStateException("redocly lint did not finish:\n" + output);
            }
            return new Result(lint.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String output) {}
}
