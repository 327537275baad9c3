package dev.steward.vault;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console page where staff review subjects joined through an identifier nobody proved ({@code /admin/identity}). */
@Controller
@Requires(Permission.READ_IDENTITY_REVIEWS)
class SubjectReviewPageController {

    private final VisibleReviews reviews;

    private final ConsoleWords words;

    SubjectReviewPageController(ConsoleWords words, VisibleReviews reviews) {
        this.words = words;
        this.reviews = reviews;
    }

    /** A case as the console shows it, with the day it was first seen in words. */
    record Row(SubjectId subject, String firstSeen, List<String> sites, int records, int addresses) {}

    @GetMapping("/admin/identity")
    String page(Model model) {
        model.addAttribute(
                "cases",
                reviews.all().stream()
                        .map(one -> new Row(
                                one.subject(), words.day(one.createdAt()), one.sites(), one.records(), one.addresses()))
                        .toList());
        return "admin/identity";
    }

    @PostMapping("/admin/identity/{subject}/split")
    @Requires(Permission.RESOLVE_IDENTITY_REVIEWS)
    String split(@PathVariable UUID subject, RedirectAttributes redirect) {
        int created = reviews.split(new SubjectId(subject)).size();
        redirect.addFlashAttribute("done", words.get("console.identity.done.split", created + 1));
        return "redirect:/admin/identity";
    }

    @PostMapping("/admin/identity/{subject}/one-person")
    @Requires(Permission.RESOLVE_IDENTITY_REVIEWS)
    String confirm(
            @PathVariable UUID subject, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        reviews.confirmOnePerson(new SubjectId(subject), reason);
        redirect.addFlashAttribute("done", words.get("console.identity.done.one"));
        return "redirect:/admin/identity";
    }
}
