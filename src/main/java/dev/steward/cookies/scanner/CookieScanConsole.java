package dev.steward.cookies.scanner;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.ShownError;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's "Cookie scans" pages ({@code /admin/cookie-scans}): per site, "Scan now", the schedule and the latest
 * scans; a scan's page shows its progress while it runs (the page asks for it every few seconds) and its report when
 * it is done, with the report as JSON and the catalog snippet.
 */
@Controller
@Requires(Permission.READ_COOKIE_SCANS)
class CookieScanConsole {

    private final CookieScans scans;
    private final ScanSchedules schedules;
    private final ScanConsoleViews views;
    private final CurrentCaller caller;
    private final ScannerSettings settings;
    private final ScanWords words;

    private final ErrorWords errorWords;

    CookieScanConsole(
            CookieScans scans,
            ScanSchedules schedules,
            ScanConsoleViews views,
            CurrentCaller caller,
            ScannerSettings settings,
            ScanWords words,
            ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.scans = scans;
        this.schedules = schedules;
        this.views = views;
        this.caller = caller;
        this.settings = settings;
        this.words = words;
    }

    @GetMapping("/admin/cookie-scans")
    String page(Model model) {
        Caller staff = caller.get();
        model.addAttribute("sites", views.sites(staff));
        model.addAttribute("mayRun", staff.may(Permission.RUN_COOKIE_SCANS));
        model.addAttribute("defaultPages", settings.pages());
        model.addAttribute("maxPages", settings.maxPages());
        model.addAttribute("intervals", ScanSchedules.INTERVALS);
        return "admin/cookie-scans";
    }

    @PostMapping("/admin/cookie-scans")
    @Requires(Permission.RUN_COOKIE_SCANS)
    String start(
            @RequestParam String site,
            @RequestParam(required = false) @Nullable String pages,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletResponse response) {
        Caller staff = caller.requireSite(site);
        try {
            UUID id = scans.start(ScanRequest.of(site, pages(pages), region), staff.name());
            return "redirect:/admin/cookie-scans/" + id;
        } catch (InvalidInputException e) {
            return refused(site, "scan", errorWords.shown(e), model, response);
        } catch (ScanBusyException e) {
            return refused(site, "scan", errorWords.shown(List.of(e.error())), model, response);
        }
    }

    @PostMapping("/admin/cookie-scans/schedule")
    @Requires(Permission.RUN_COOKIE_SCANS)
    String schedule(
            @RequestParam String site,
            @RequestParam(defaultValue = "") String every,
            @RequestParam(required = false) @Nullable String pages,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletResponse response) {
        Caller staff = caller.requireSite(site);
        if (every.isEmpty()) {
            schedules.remove(site);
            return "redirect:/admin/cookie-scans?unscheduled=" + site + "#" + site;
        }
        try {
            schedules.set(site, every, pages(pages), region, staff.name());
            return "redirect:/admin/cookie-scans?scheduled=" + site + "#" + site;
        } catch (InvalidInputException e) {
            return refused(site, "schedule", errorWords.shown(e), model, response);
        }
    }

    @GetMapping("/admin/cookie-scans/{id}")
    String scan(@PathVariable UUID id, Model model) {
        CookieScanRepository.Scan scan = visible(id);
        model.addAttribute("scan", views.scan(scan));
        scans.report(id).ifPresent(report -> {
            model.addAttribute("report", report);
            model.addAttribute("view", ReportView.of(report, words, LocaleContextHolder.getLocale()));
        });
        return "admin/cookie-scan";
    }

    /** What the scan's page shows while it runs, for its script to ask every few seconds. */
    @GetMapping(value = "/admin/cookie-scans/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ScanConsoleViews.ScanView progress(@PathVariable UUID id) {
        return views.scan(visible(id));
    }

    @GetMapping(value = "/admin/cookie-scans/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String reportJson(@PathVariable UUID id, HttpServletResponse response) {
        visible(id);
        response.setHeader("Content-Disposition", "attachment; filename=\"cookie-scan-" + id + ".json\"");
        return scans.reportJson(id).orElseThrow(() -> new NotFoundException("The scan has no report yet."));
    }

    private String refused(
            String site, String form, List<ShownError> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errors);
        model.addAttribute("errorSite", site);
        model.addAttribute("errorForm", form);
        return page(model);
    }

    private CookieScanRepository.Scan visible(UUID id) {
        return scans.find(id)
                .filter(scan -> caller.get().maySee(scan.site()))
                .orElseThrow(() -> new NotFoundException("There is no such scan."));
    }

    private static @Nullable Integer pages(@Nullable String pages) {
        if (pages == null || pages.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(pages.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of("pages", "invalid", "error.cookies.pages.invalid"));
        }
    }
}
