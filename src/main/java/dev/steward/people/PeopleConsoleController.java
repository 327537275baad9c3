package dev.steward.people;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.SubjectId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's person view. The search is a POST so that the address typed never appears in a URL, a browser's
 * history or the request log; the person's page is addressed by the subject's id only.
 */
@Controller
@Requires(Permission.FIND_PEOPLE)
class PeopleConsoleController {

    private final PersonSearch search;
    private final PersonFile files;
    private final CurrentCaller caller;

    private final ErrorWords errorWords;

    PeopleConsoleController(PersonSearch search, PersonFile files, CurrentCaller caller, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.search = search;
        this.files = files;
        this.caller = caller;
    }

    @GetMapping("/admin/people")
    String searchPage(Model model) {
        model.addAttribute("kind", "email");
        return "admin/people";
    }

    @PostMapping("/admin/people")
    @Requires(value = Permission.FIND_PEOPLE, readByPost = true)
    String find(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String value,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("kind", kind == null ? "email" : kind);
        try {
            model.addAttribute("found", search.find(kind, value, caller.get()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.byField(e));
        }
        return "admin/people";
    }

    @GetMapping("/admin/people/{subject}")
    String person(@PathVariable UUID subject, Model model) {
        Caller staff = caller.get();
        PersonPage page = files.open(new SubjectId(subject), staff)
                .orElseThrow(() -> new NotFoundException("There is nobody with this id on your sites."));
        model.addAttribute("person", page);
        model.addAttribute("mayPlaceHolds", staff.may(Permission.MANAGE_HOLDS));
        model.addAttribute("mayRecordConsent", staff.may(Permission.RECORD_CONSENT_ON_BEHALF));
        model.addAttribute("mayReadAudit", staff.may(Permission.READ_AUDIT_TRAIL));
        return "admin/person";
    }
}
