package dev.steward.inquiries;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.ConsoleWords;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's inquiries: the inbox with each site's counts ({@code /admin/inquiries}) and a case's page
 * ({@code /admin/inquiries/{id}}) with its forms to reply, assign and close. A refused form comes back with the
 * error next to its field and what was typed kept.
 */
@Controller
@Requires(Permission.READ_INQUIRIES)
class InquiriesPageController {

    private final Inquiries inquiries;
    private final Submissions submissions;
    private final Catalogs catalogs;
    private final CurrentCaller caller;

    private final ConsoleWords words;

    private final ErrorWords errorWords;

    InquiriesPageController(
            ConsoleWords words,
            Inquiries inquiries,
            Submissions submissions,
            Catalogs catalogs,
            CurrentCaller caller,
            ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.words = words;
        this.inquiries = inquiries;
        this.submissions = submissions;
        this.catalogs = catalogs;
        this.caller = caller;
    }

    /** One site's cases by status. */
    record SiteCounts(String site, String name, long open, long answered, long closed) {}

    /** A case as the inbox lists it, with the catalog's names. */
    record Row(
            InquiryCase inquiry,
            String siteName,
            String formTitle,
            @Nullable String recipientName) {}

    @GetMapping("/admin/inquiries")
    String inbox(
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String status,
            Model model,
            HttpServletResponse response) {
        Caller current = caller.get();
        Inquiries.Filter filter;
        try {
            filter = Inquiries.Filter.of(site, status, Inquiries.Filter.DEFAULT_LIMIT);
        } catch (InvalidInputException e) {
            refused(e, model, response);
            filter = Inquiries.Filter.of(site, null, Inquiries.Filter.DEFAULT_LIMIT);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("counts", counts(current));
        model.addAttribute(
                "cases",
                inquiries.inbox(filter, current).stream().map(this::row).toList());
        return "admin/inquiries";
    }

    @GetMapping("/admin/inquiries/{id}")
    String inquiry(@PathVariable UUID id, Model model) {
        Caller staff = caller.get();
        CaseView view = inquiries.read(id, staff);
        model.addAttribute("view", view);
        model.addAttribute("assignable", inquiries.assignable(view.inquiry()));
        model.addAttribute("mayHold", staff.may(Permission.MANAGE_HOLDS));
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", "");
        }
        return "admin/inquiry";
    }

    @PostMapping("/admin/inquiries/{id}/replies")
    @Requires(Permission.ANSWER_INQUIRIES)
    String reply(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, model, response, redirect, words.get("console.inquiry.done.reply"), () -> {
            model.addAttribute("reply", text == null ? "" : text);
            inquiries.reply(id, text, caller.get());
        });
    }

    @PostMapping("/admin/inquiries/{id}/assignee")
    @Requires(Permission.ANSWER_INQUIRIES)
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String assignee,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                model,
                response,
                redirect,
                words.get("console.inquiry.done.assigned"),
                () -> inquiries.assign(id, assignee, caller.get()));
    }

    @PostMapping("/admin/inquiries/{id}/close")
    @Requires(Permission.ANSWER_INQUIRIES)
    String close(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(
                id,
                model,
                response,
                redirect,
                words.get("console.inquiry.done.closed"),
                () -> inquiries.close(id, caller.get()));
    }

    /** Does one thing to the case, then shows the case again: with a word of success, or with what was wrong. */
    private String act(
            UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String done,
            Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            refused(e, model, response);
            return inquiry(id, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/admin/inquiries/" + id;
    }

    private List<SiteCounts> counts(Caller current) {
        Map<String, Map<CaseStatus, Long>> counts = inquiries.counts();
        return catalogs.sites().stream()
                .filter(site -> current.maySee(site.key()))
                .map(site -> {
                    Map<CaseStatus, Long> of = counts.getOrDefault(site.key(), Map.of());
                    return new SiteCounts(
                            site.key(),
                            site.name().in(site.language()),
                            of.getOrDefault(CaseStatus.OPEN, 0L),
                            of.getOrDefault(CaseStatus.ANSWERED, 0L),
                            of.getOrDefault(CaseStatus.CLOSED, 0L));
                })
                .toList();
    }

    private Row row(InquiryCase inquiry) {
        return new Row(
                inquiry,
                submissions.siteName(inquiry.site()),
                submissions.formTitle(inquiry),
                inquiry.recipient() == null ? null : submissions.recipientName(inquiry.site(), inquiry.recipient()));
    }

    private void refused(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errorWords.byField(e));
    }
}
