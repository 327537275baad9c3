package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.SiteNames;
import dev.steward.catalog.Span;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.ConsoleWords;
import dev.steward.platform.Durations;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's request queue: deadlines at a glance, and every action on a request. */
@Controller
@Requires(Permission.READ_REQUESTS)
class RequestsConsoleController {

    private final RequestQueue queue;
    private final PackagePreview previews;
    private final Catalogs catalogs;
    private final Clock clock;

    private final ConsoleWords words;
    private final RequestInWords inWords;

    private final ErrorWords errorWords;
    private final Deadlines deadlines;
    private final Durations durations;
    private final SiteNames siteNames;

    RequestsConsoleController(
            ConsoleWords words,
            RequestInWords inWords,
            RequestQueue queue,
            PackagePreview previews,
            Catalogs catalogs,
            Clock clock,
            ErrorWords errorWords,
            Deadlines deadlines,
            Durations durations,
            SiteNames siteNames) {
        this.errorWords = errorWords;
        this.deadlines = deadlines;
        this.durations = durations;
        this.siteNames = siteNames;
        this.words = words;
        this.inWords = inWords;
        this.queue = queue;
        this.previews = previews;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    private String siteName(String site) {
        return siteNames.of(site);
    }

    /** A request as the queue lists it, in words. */
    record Row(RightsRequest request, String right, String site, String status, String timeLeft, boolean overdue) {}

    /** A restriction in force, with its site by name. */
    record RestrictionLine(Restriction restriction, String siteName) {}

    /** A recipient to tell by hand, named as the catalog names them. */
    record TaskLine(UUID id, String recipient, String site, RecipientNotice.Change change) {}

    private TaskLine taskLine(RecipientNotice task) {
        String recipient = catalogs.site(task.site())
                .flatMap(site -> catalogs.of(task.site()).recipient(task.recipient()))
                .map(found -> found.name().in(VisitorLanguages.current()))
                .orElse(task.recipient());
        return new TaskLine(task.id(), recipient, siteName(task.site()), task.change());
    }

    /** A status the queue can be filtered by. */
    record StatusChoice(String key, String words) {}

    @GetMapping("/admin/requests")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String due,
            Model model) {
        Instant now = clock.instant();
        RequestStatus chosen = Arrays.stream(RequestStatus.values())
                .filter(s -> s.key().equals(status))
                .findFirst()
                .orElse(null);
        Predicate<RightsRequest> deadline = switch (due == null ? "" : due) {
            case "overdue" -> r -> r.overdue(now);
            case "soon" ->
                r -> r.status() == RequestStatus.RECEIVED
                        && r.deadline() != null
                        && !r.overdue(now)
                        && r.deadline().isBefore(now.plus(RightsMetrics.SOON));
            default -> r -> true;
        };
        model.addAttribute(
                "requests",
                queue.list(chosen).stream()
                        .filter(deadline)
                        .map(r -> new Row(
                                r,
                                inWords.right(r.type()),
                                siteName(r.site()),
                                inWords.status(r.status()),
                                inWords.timeLeft(r, now),
                                r.overdue(now)))
                        .toList());
        model.addAttribute("status", chosen == null ? null : chosen.key());
        model.addAttribute("due", due);
        model.addAttribute("soonDays", RightsMetrics.SOON.toDays());
        model.addAttribute(
                "statuses",
                Arrays.stream(RequestStatus.values())
                        .map(s -> new StatusChoice(s.key(), inWords.status(s)))
                        .toList());
        model.addAttribute(
                "restrictions",
                queue.restrictions().stream()
                        .map(r -> new RestrictionLine(r, siteName(r.site())))
                        .toList());
        model.addAttribute("tasks", queue.tasks().stream().map(this::taskLine).toList());
        return "admin/requests";
    }

    @GetMapping("/admin/requests/{id}")
    String view(@PathVariable UUID id, Model model) {
        RequestQueue.Detail detail = queue.view(id);
        model.addAttribute("detail", detail);
        model.addAttribute("chosen", chosen(detail));
        model.addAttribute("now", clock.instant());
        model.addAttribute("extensions", extensions(detail.request()));
        model.addAttribute("answerable", detail.answerable());
        return "admin/request";
    }

    /** What the requester chose, in the catalog's words: the grounds, purposes and corrected fields. */
    record Chosen(List<String> grounds, List<String> purposes, Map<String, String> corrections) {}

    private @Nullable Chosen chosen(RequestQueue.Detail detail) {
        RequestDetails details = detail.details();
        if (details == null) {
            return null;
        }
        String site = detail.request().site();
        Map<String, String> corrections = new LinkedHashMap<>();
        details.changes().forEach((field, value) -> corrections.put(siteNames.field(site, field), value));
        return new Chosen(
                details.grounds().stream()
                        .map(ground -> siteNames.ground(site, ground))
                        .toList(),
                details.purposes().stream()
                        .map(purpose -> siteNames.purpose(site, purpose))
                        .toList(),
                corrections);
    }

    /** An extension staff may choose: the period the form posts, and its words ("2 months") the member reads. */
    record Extension(String period, String words) {}

    private List<Extension> extensions(RightsRequest request) {
        return deadlines.extensionChoices(request.site(), request.jurisdiction()).stream()
                .map(Span::toString)
                .map(period -> new Extension(period, durations.words(period, LocaleContextHolder.getLocale())))
                .toList();
    }

    /** The copy of the person's data the answer will release, for staff to check first (no link, nothing stored). */
    @GetMapping(value = "/admin/requests/{id}/package-preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String packagePreview(@PathVariable UUID id) {
        return previews.of(id);
    }

    @PostMapping("/admin/requests/{id}/assign")
    @Requires(Permission.WORK_REQUESTS)
    String assign(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, words.get("console.request.done.assigned"), () -> queue.assign(id, null));
    }

    @PostMapping("/admin/requests/{id}/extend")
    @Requires(Permission.WORK_REQUESTS)
    String extend(
            @PathVariable UUID id,
            @RequestParam String extension,
            @RequestParam String reason,
            RedirectAttributes flash) {
        return act(id, flash, words.get("console.request.done.extended"), () -> queue.extend(id, extension, reason));
    }

    @PostMapping("/admin/requests/{id}/fee")
    @Requires(Permission.WORK_REQUESTS)
    String fee(@PathVariable UUID id, @RequestParam String fee, RedirectAttributes flash) {
        return act(id, flash, words.get("console.request.done.fee"), () -> queue.fee(id, fee));
    }

    @PostMapping("/admin/requests/{id}/fulfil")
    @Requires(Permission.WORK_REQUESTS)
    String fulfil(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, words.get("console.request.done.fulfilled"), () -> queue.fulfil(id));
    }

    @PostMapping("/admin/requests/{id}/deny")
    @Requires(Permission.WORK_REQUESTS)
    String deny(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, words.get("console.request.done.refused"), () -> queue.deny(id, reason));
    }

    @PostMapping("/admin/restrictions/{id}/lift")
    @Requires(Permission.WORK_REQUESTS)
    String lift(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            queue.lift(id);
            flash.addFlashAttribute("done", words.get("console.requests.done.lifted"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errorWords.shown(e));
        }
        return "redirect:/admin/requests";
    }

    @GetMapping("/admin/recipient-tasks/{id}")
    String task(@PathVariable UUID id, Model model) {
        model.addAttribute(
                "task",
                queue.tasks().stream()
                        .filter(t -> t.id().equals(id))
                        .findFirst()
                        .map(this::taskLine)
                        .orElseThrow(
                                () -> new dev.steward.platform.NotFoundException("There is no open task " + id + ".")));
        model.addAttribute("message", queue.taskMessage(id));
        return "admin/recipient-task";
    }

    @PostMapping("/admin/recipient-tasks/{id}/confirm")
    @Requires(Permission.WORK_REQUESTS)
    String confirm(@PathVariable UUID id, RedirectAttributes flash) {
        queue.confirmTask(id);
        flash.addFlashAttribute("done", words.get("console.requests.done.told"));
        return "redirect:/admin/requests";
    }

    private String act(UUID id, RedirectAttributes flash, String done, Supplier<RightsRequest> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", errorWords.shown(e));
        }
        return "redirect:/admin/requests/" + id;
    }
}
