package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.cookies.scanner.CookieScanRepository.Scan;
import dev.steward.cookies.scanner.ScanScheduleRepository.Schedule;
import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Caller;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The console's scan pages in words: sites with their regions and schedules, scans with their status and times. */
@Component
class ScanConsoleViews {

    private final Catalogs catalogs;
    private final CookieScans scans;
    private final ScanSchedules schedules;
    private final ScanWords words;
    private final ConsoleWords console;

    ScanConsoleViews(
            Catalogs catalogs, CookieScans scans, ScanSchedules schedules, ScanWords words, ConsoleWords console) {
        this.catalogs = catalogs;
        this.scans = scans;
        this.schedules = schedules;
        this.words = words;
        this.console = console;
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

    /** The scan in the staff member's words, for the request being served. */
    ScanView scan(Scan scan) {
        Site site = catalogs.requireSite(scan.site());
        Locale locale = LocaleContextHolder.getLocale();
        String progress = switch (scan.status()) {
            case "running" ->
                words.progress(scan.step(), scan.stepPage(), scan.pagesDone(), scan.pagesPlanned(), locale);
            case "failed" -> failure(scan, locale);
            default -> words.get(locale, "outcome", scan.violations(), scan.warnings());
        };
        return new ScanView(
                scan.id(),
                site.key(),
                siteName(site, locale),
                console.dayTime(scan.startedAt()),
                scan.startedBy().equals("schedule") ? words.get(locale, "bySchedule") : scan.startedBy(),
                words.region(site.key(), scan.jurisdiction(), locale),
                words.getOr(locale, "status." + scan.status(), scan.status()),
                scan.status().equals("running"),
                progress,
                scan.violations(),
                scan.warnings());
    }

    /** Why it did not finish; a failure stored as a sentence, before failures had codes, shows as stored. */
    private String failure(Scan scan, Locale locale) {
        if (scan.failureCode() == null) {
            return scan.failure() == null ? "" : scan.failure();
        }
        String why = words.get(locale, "failure." + scan.failureCode());
        return scan.failure() == null ? why : why + " " + scan.failure();
    }

    private SiteView site(Site site) {
        Catalog catalog = catalogs.of(site.key());
        Locale locale = LocaleContextHolder.getLocale();
        List<Region> regions = site.jurisdictions().stream()
                .map(key -> new Region(key, words.region(site.key(), key, locale)))
                .toList();
        ScheduleView schedule =
                schedules.of(site.key()).map(s -> scheduleView(site, s, locale)).orElse(null);
        return new SiteView(
                site.key(),
                siteName(site, locale),
                site.baseUrl(),
                regions,
                catalog.jurisdiction(site.defaultJurisdiction()).isPresent() ? site.defaultJurisdiction() : "",
                schedule,
                scans.recent(List.of(site.key()), 10).stream().map(this::scan).toList());
    }

    private ScheduleView scheduleView(Site site, Schedule schedule, Locale locale) {
        return new ScheduleView(
                schedule.every(),
                words.getOr(locale, "every." + schedule.every(), schedule.every()),
                schedule.pageLimit(),
                schedule.jurisdiction(),
                words.region(site.key(), schedule.jurisdiction(), locale),
                console.dayTime(schedule.nextRunAt()));
    }

    private static String siteName(Site site, Locale locale) {
        return site.name().in(locale.getLanguage(), site.language());
    }
}
