package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.cookies.scanner.CookieScanRepository.Scan;
import dev.steward.cookies.scanner.ScanScheduleRepository.Schedule;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API of the cookie scanner: start a scan (it runs in the background; poll its address), list scans, read
 * one with its report, and set each site's schedule. Administrators and privacy officers run scans and set schedules;
 * auditors read. Everything of a site the caller may not see is answered as not found.
 */
@RestController
@Requires(Permission.READ_COOKIE_SCANS)
class CookieScansApiController {

    private final CookieScans scans;
    private final ScanSchedules schedules;
    private final Catalogs catalogs;
    private final CurrentCaller caller;
    private final ErrorWords words;

    CookieScansApiController(
            CookieScans scans, ScanSchedules schedules, Catalogs catalogs, CurrentCaller caller, ErrorWords words) {
        this.words = words;
        this.scans = scans;
        this.schedules = schedules;
        this.catalogs = catalogs;
        this.caller = caller;
    }

    record ScanOrder(
            @Nullable String site,
            @Nullable Integer pages,
            @Nullable String region,
            @Nullable List<String> urls) {}

    record Started(UUID id, String status, String statusUrl) {}

    record ScanView(Scan scan, @Nullable ScanReport report) {}

    record ScheduleOrder(
            @Nullable String every,
            @Nullable Integer pages,
            @Nullable String region) {}

    @Operation(
            summary = "Start a cookie scan",
            description =
                    "Crawls the site in headless Chromium, once with every category rejected and once with all accepted, and holds what it sets against the catalog. Answers 202 with the scan's address to poll; 409 while a scan of the site runs.")
    @PostMapping("/api/v1/admin/cookie-scans")
    @Requires(Permission.RUN_COOKIE_SCANS)
    ResponseEntity<Started> start(@RequestBody ScanOrder order) {
        Caller staff = order.site() == null ? caller.get() : caller.requireSite(order.site());
        UUID id = scans.start(
                new ScanRequest(
                        order.site(),
                        order.pages(),
                        Objects.requireNonNullElse(order.urls(), List.of()),
                        order.region(),
                        null),
                staff.name());
        String status = "/api/v1/admin/cookie-scans/" + id;
        return ResponseEntity.accepted().location(URI.create(status)).body(new Started(id, "running", status));
    }

    @Operation(
            summary = "List cookie scans",
            description =
                    "The latest scans of the sites the caller may see, newest first, with their progress and outcome.")
    @GetMapping("/api/v1/admin/cookie-scans")
    List<Scan> list(@RequestParam(required = false) @Nullable String site) {
        Caller staff = site == null ? caller.get() : caller.requireSite(site);
        List<String> sites = site != null ? List.of(site) : visibleSites(staff);
        return scans.recent(sites, 100);
    }

    @Operation(
            summary = "Read a cookie scan",
            description =
                    "A scan with its report once done: every cookie, storage key and third-party host seen, each compared with the catalog.")
    @GetMapping("/api/v1/admin/cookie-scans/{id}")
    ScanView scan(@PathVariable UUID id) {
        Scan scan = visible(id);
        return new ScanView(scan, scans.report(id).orElse(null));
    }

    @Operation(summary = "List scan schedules", description = "How often each site the caller may see is scanned.")
    @GetMapping("/api/v1/admin/cookie-scan-schedules")
    List<Schedule> schedules() {
        Caller staff = caller.get();
        return schedules.all().stream().filter(s -> staff.maySee(s.site())).toList();
    }

    @Operation(
            summary = "Schedule scans of a site",
            description = "Sets how often the site is scanned (an ISO-8601 period), with its page limit and region.")
    @PutMapping("/api/v1/admin/cookie-scan-schedules/{site}")
    @Requires(Permission.RUN_COOKIE_SCANS)
    Schedule schedule(@PathVariable String site, @RequestBody ScheduleOrder order) {
        Caller staff = caller.requireSite(site);
        return schedules.set(
                site, Objects.requireNonNullElse(order.every(), ""), order.pages(), order.region(), staff.name());
    }

    @Operation(
            summary = "Stop scheduled scans of a site",
            description = "Removes the site's schedule; 404 when it has none.")
    @DeleteMapping("/api/v1/admin/cookie-scan-schedules/{site}")
    @Requires(Permission.RUN_COOKIE_SCANS)
    ResponseEntity<Void> unschedule(@PathVariable String site) {
        caller.requireSite(site);
        if (!schedules.remove(site)) {
            throw new NotFoundException("Site '" + site + "' has no scan schedule.");
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> busy(ScanBusyException e, HttpServletRequest request) {
        return words.answer(HttpStatus.CONFLICT, e.error(), request);
    }

    private Scan visible(UUID id) {
        return scans.find(id)
                .filter(scan -> caller.get().maySee(scan.site()))
                .orElseThrow(() -> new NotFoundException("There is no scan " + id + "."));
    }

    private List<String> visibleSites(Caller staff) {
        return catalogs.sites().stream().map(Site::key).filter(staff::maySee).toList();
    }
}
