package dev.steward.test;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Deque's axe-core, the accessibility rules engine, run inside a page. It is the npm package, installed once into
 * {@code target/axe-core} with Debian's npm when missing ({@code .ci/run} installs npm).
 */
public final class Axe {

    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe-core");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");

    private Axe() {}

    /** Every violation on the page, one line each: rule, impact and the elements concerned. */
    public static List<String> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))
                """);
        return violations;
    }

    private static synchronized String source() {
        try {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            return Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read axe-core at " + SCRIPT, e);
        }
    }

    private static void install() throws IOException {
        Files.createDirectories(HOME);
        Process npm;
        try {
            npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            HOME.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "axe-core@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Accessibility tests need npm to install axe-core: run 'apt-get install -y npm' (.ci/run does this)",
                    e);
        }
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
                throw new IllegalStateException(
                        "npm could not install axe-core " + VERSION + "; see " + HOME + "/npm.log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
