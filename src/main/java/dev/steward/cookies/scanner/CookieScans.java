package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.CookieScanRepository.Scan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scans started from the console, the API or a schedule: each runs in the background and writes its progress to its
 * row, so any node's console shows it, and then its report. A node runs one scan at a time (Chromium is heavy) and a
 * site is scanned by one node at a time. A scan whose node stopped is marked failed once its row has been silent
 * longer than a scan may take.
 */
@Component
class CookieScans {

    private static final Logger log = LoggerFactory.getLogger(CookieScans.class);

    private final CookieScanner scanner;
    private final CookieScanRepository scans;
    private final ScannerSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final TaskExecutor executor;
    private final Semaphore chromium = new Semaphore(1);

    CookieScans(
            CookieScanner scanner,
            CookieScanRepository scans,
            ScannerSettings settings,
            JsonMapper json,
            Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.scanner = scanner;
        this.scans = scans;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Checks the request and starts the scan in the background; answers its id. Refuses a bad request with field
     * errors, and a scan that cannot start now with {@link ScanBusyException}.
     */
    UUID start(ScanRequest request, String startedBy) {
        ScanTarget target = scanner.target(request);
        if (!chromium.tryAcquire()) {
            throw new ScanBusyException("error.cookies.scan.busy");
        }
        try {
            scans.interruptStale(clock.instant().minus(settings.timeLimit().plus(Duration.ofMinutes(2))));
            UUID id = UUID.randomUUID();
            if (!scans.start(id, target, startedBy, clock.instant())) {
                throw new ScanBusyException("error.cookies.scan.site-busy");
            }
            executor.execute(() -> run(id, target));
            return id;
        } catch (RuntimeException e) {
            chromium.release();
            throw e;
        }
    }

    ScanTarget target(ScanRequest request) {
        return scanner.target(request);
    }

    Optional<Scan> find(UUID id) {
        return scans.find(id);
    }

    List<Scan> recent(List<String> sites, int limit) {
        return sites.isEmpty() ? List.of() : scans.recent(sites, limit);
    }

    /** The report of a finished scan, as JSON. */
    Optional<String> reportJson(UUID id) {
        return scans.report(id);
    }

    Optional<ScanReport> report(UUID id) {
        return scans.report(id).map(report -> json.readValue(report, ScanReport.class));
    }

    private void run(UUID id, ScanTarget target) {
        try {
            ScanReport report = scanner.scan(target, progress -> scans.progress(id, progress, clock.instant()));
            scans.finish(id, report, json.writeValueAsString(report), clock.instant());
        } catch (ScannerUnavailableException e) {
            scans.fail(id, "unavailable", e.getMessage(), clock.instant());
        } catch (InvalidCookieDatabaseException e) {
            scans.fail(id, "cookie-database", e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Cookie scan {} of site {} failed", id, target.siteKey(), e);
            scans.fail(id, "unexpected", null, clock.instant());
        } finally {
            chromium.release();
        }
    }
}
