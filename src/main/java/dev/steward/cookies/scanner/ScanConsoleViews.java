package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.cookies.scanner.CookieScanRepository.Scan;
import dev.steward.cookies.scanner.ScanScheduleRepository.Schedule;
import dev.steward.staff.Caller;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The console's scan pages in words: sites with their regions and schedules, scans with their status and times. */
@Component
class ScanConsoleViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUS =
            Map.of("running", "Running", "finished", "Finished", "failed", "Did not finish");

    private final Catalogs catalogs;
    private final CookieScans scans;
    private final ScanSchedules schedules;

    ScanConsoleViews(Catalogs catalogs, CookieScans scans, ScanSchedules schedules) {
        this.catalogs = catalogs;
        this.scans = scans;
        this.schedules = schedules;
    }

    record Region(String key, String name) {}

    record ScheduleView(String every, String everyWords, int pages, String region, String regionName, String next) {}

    record SiteView(
            String key,
            String name,
            String baseUrl,
            List<Region> regions,
            String defaultRegion,
            @Nullable ScheduleView schedule,
            List<ScanView> scans) {}

    /**
     * One scan in words.
     *
     * @param progress what it is doing and how far it has come while it runs; its outcome once done
     */
    record ScanView(
            UUID id,
            String site,
            String siteName,
            String started,
            String startedBy,
            String region,
            String status,
            boolean running,
            String progress,
            @Nullable Integer violations,
            @Nullable Integer warnings) {}

    List<SiteView> sites(Caller caller) {
        return catalogs.sites().stream()
                .filter(site -> caller.maySee(site.key()))
                .map(this::site)
                .toList();
    }

    ScanView scan(Scan scan) {
        Site site = catalogs.requireSite(scan.site());
        String progress = switch (scan.status()) {
            case "running" -> scan.step() + " (" + scan.pagesDone() + " of " + scan.pagesPlanned() + " page visits)";
            case "failed" -> scan.failure() == null ? "" : scan.failure();
            default ->
                scan.violations()
                        + (scan.violations() != null && scan.violations() == 1 ? " violation, " : " violations, ")
                        + scan.warnings()
                        + (scan.warnings() != null && scan.warnings() == 1 ? " warning" : " warnings");
        };
        return new ScanView(
                scan.id(),
                site.key(),
                site.name().in(site.language()),
                when(scan.startedAt()),
                scan.startedBy().equals("schedule") ? "the schedule" : scan.startedBy(),
                regionName(site, scan.jurisdiction()),
                STATUS.getOrDefault(scan.status(), scan.status()),
                scan.status().equals("running"),
                progress,
                scan.violations(),
                scan.warnings());
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    private SiteView site(Site site) {
        Catalog catalog = catalogs.of(site.key());
        List<Region> regions = site.jurisdictions().stream()
                .map(key -> new Region(key, regionName(site, key)))
                .toList();
        ScheduleView schedule =
                schedules.of(site.key()).map(s -> scheduleView(site, s)).orElse(null);
        return new SiteView(
                site.key(),
                site.name().in(site.language()),
                site.baseUrl(),
                regions,
                catalog.jurisdiction(site.defaultJurisdiction()).isPresent() ? site.defaultJurisdiction() : "",
                schedule,
                scans.recent(List.of(site.key()), 10).stream().map(this::scan).toList());
    }

    private ScheduleView scheduleView(Site site, Schedule schedule) {
        return new ScheduleView(
                schedule.every(),
                ScanSchedules.INTERVALS.getOrDefault(schedule.every(), schedule.every()),
                schedule.pageLimit(),
                schedule.jurisdiction(),
                regionName(site, schedule.jurisdiction()),
                when(schedule.nextRunAt()));
    }

    private String regionName(Site site, String key) {
        return catalogs.of(site.key())
                .jurisdiction(key)
                .map(jurisdiction -> jurisdiction.name().in(site.language()))
                .orElse(key);
    }
}
