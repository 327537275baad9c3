package dev.steward.test;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deque's axe-core, the accessibility rules engine, run inside a page: the npm package, installed once into
 * {@code target/axe-core} (see {@link NpmPackage}).
 */
public final class Axe {

    static final String VERSION = "4.14.1";

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

    private static String source() {
        Path script = NpmPackage.installed("axe-core", VERSION, "axe.min.js").resolve("axe.min.js");
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read axe-core at " + script, e);
        }
    }
}
