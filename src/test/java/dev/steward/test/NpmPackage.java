package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tool the tests take from npm (axe-core, Redocly's CLI), installed once into {@code target/<name>} with Debian's npm
 * ({@code .ci/run} installs npm) and reused from there, so that a second run needs no network; npm prefers its cache.
 */
public final class NpmPackage {

    private NpmPackage() {}

    /** The package's folder under {@code node_modules}, installing it first when {@code expected} is missing there. */
    static Path installed(String name, String version, String expected) {
        return installed(name, version, expected, true);
    }

    /**
     * A package whose data a test compares with Steward's copy of it, installed without running its install scripts
     * (which may fetch newer data from elsewhere, and would then not be the version named).
     */
    public static Path data(String name, String version, String expected) {
        return installed(name, version, expected, false);
    }

    private static synchronized Path installed(String name, String version, String expected, boolean scripts) {
        Path home = Path.of("target", name.replaceAll("[^a-z0-9-]", ""));
        Path folder = home.resolve("node_modules").resolve(name);
        if (Files.isRegularFile(folder.resolve(expected))) {
            return folder;
        }
        try {
            Files.createDirectories(home);
            Process npm = start(home, name + "@" + version, scripts);
            if (!npm.waitFor(5, TimeUnit.MINUTES)
                    || npm.exitValue() != 0
                    || !Files.isRegularFile(folder.resolve(expected))) {
                throw new IllegalStateException(
                        "npm could not install " + name + " " + version + "; see " + home + "/npm.log");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process start(Path home, String spec, boolean scripts) throws IOException {
        try {
            return new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            home.toString(),
                            "--prefer-offline",
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "--ignore-scripts=" + !scripts,
                            spec)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "These tests need npm to install " + spec + ": run 'apt-get install -y npm' (.ci/run does this)",
                    e);
        }
    }
}
