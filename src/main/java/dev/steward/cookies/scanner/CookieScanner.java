package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.ScanReport.Finding;
import dev.steward.platform.OutboundAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The cookie scanner: visits a site's pages in headless Chromium as a visitor who rejects everything and as one who
 * accepts everything, and holds every cookie, storage key and request to another party against the catalog. It needs
 * the catalog and nothing else (no database), so {@code cookies scan} runs in a site's own CI; the console keeps the
 * reports of the scans it starts. All its traffic goes through a proxy that keeps to the outbound address rules.
 */
@Component
public class CookieScanner {

    private final ScanTargets targets;
    private final OutboundAddresses addresses;
    private final ScannerSettings settings;
    private final CookieDatabase database;
    private final ScanWords words;
    private final Clock clock;

    CookieScanner(
            ScanTargets targets,
            OutboundAddresses addresses,
            ScannerSettings settings,
            CookieDatabase database,
            ScanWords words,
            Clock clock) {
        this.targets = targets;
        this.addresses = addresses;
        this.settings = settings;
        this.database = database;
        this.words = words;
        this.clock = clock;
    }

    /** Checks a request; refuses it with field errors ({@code InvalidInputException}) and changes nothing. */
    public ScanTarget target(ScanRequest request) {
        return targets.resolve(request);
    }

    /**
     * Scans, telling {@code progress} as it goes, and answers the report. Fails with {@link
     * ScannerUnavailableException} when Chromium or Node.js is missing, and with {@link InvalidCookieDatabaseException}
     * when the configured cookie database cannot be read.
     */
    public ScanReport scan(ScanTarget target, Consumer<ScanProgress> progress) {
        Instant started = clock.instant();
        Deadline deadline = new Deadline(settings.timeLimit());
        progress.accept(new ScanProgress("starting", null, 0, target.pages() * 2));
        Crawl crawl;
        try (GuardedProxy proxy = GuardedProxy.start(addresses, settings.pageTimeout());
                ScanBrowser browser = ScanBrowser.launch(settings, proxy)) {
            crawl = new Crawler(target, browser.browser(), settings.pageTimeout(), progress)
                    .crawl(deadline, settings.timeLimit(), proxy::refused);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new CatalogCheck(target, database).findings(crawl);
        List<Problem> all = Stream.concat(
                        crawl.problems().stream(), findings.stream().flatMap(finding -> finding.problems().stream()))
                .toList();
        return words.english(new ScanReport(
                target.siteKey(),
                target.siteName(),
                target.jurisdiction().key(),
                target.jurisdictionName(),
                target.base().toString(),
                started,
                clock.instant(),
                crawl.consentScript(),
                crawl.pages(),
                findings,
                crawl.problems(),
                count(all, Problem.Severity.VIOLATION),
                count(all, Problem.Severity.WARNING),
                database.source(),
                CatalogSnippet.of(target, findings)));
    }

    private static int count(List<Problem> problems, Problem.Severity severity) {
        return (int) problems.stream().filter(p -> p.severity() == severity).count();
    }
}
