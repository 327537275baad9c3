package dev.steward.cookies.scanner;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the cookie scanner runs. It drives Debian's Chromium through Playwright, whose driver runs on the system's
 * Node.js (the jar does not carry Playwright's 200 MB of bundled Node.js builds), and never downloads a browser.
 *
 * @param chromium the Chromium executable
 * @param node the Node.js executable Playwright's driver runs on
 * @param pages how many pages a scan visits when it is not told
 * @param maxPages the most pages a scan may be asked to visit
 * @param timeLimit the longest a whole scan may take; it stops there and reports what it saw
 * @param pageTimeout the longest one page may take to load
 * @param cookieDatabase a newer Open Cookie Database CSV to classify unknown cookies with; empty: the bundled one
 * @param scheduleCheck how often a node looks for scheduled scans that are due
 */
@ConfigurationProperties("steward.cookies.scanner")
public record ScannerSettings(
        @DefaultValue("/usr/bin/chromium") Path chromium,
        @DefaultValue("/usr/bin/node") Path node,
        @DefaultValue("20") int pages,
        @DefaultValue("200") int maxPages,
        @DefaultValue("PT10M") Duration timeLimit,
        @DefaultValue("PT30S") Duration pageTimeout,
        @Nullable String cookieDatabase,
        @DefaultValue("PT1M") Duration scheduleCheck) {

    /** The Open Cookie Database file the operator configured; null for the bundled one. */
    public @Nullable Path cookieDatabaseFile() {
        return cookieDatabase == null || cookieDatabase.isBlank() ? null : Path.of(cookieDatabase);
    }
}
