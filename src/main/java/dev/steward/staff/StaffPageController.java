package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.ConsoleWords;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * The console's staff pages: the list with a form to add a member ({@code /admin/staff}) and one member's page to
 * change roles, sites, the disabled flag and the password ({@code /admin/staff/{username}}). A refused form comes
 * back filled in, with each error next to its field.
 */
@Controller
@Requires(Permission.MANAGE_STAFF)
class StaffPageController {

    private final StaffDirectory directory;
    private final Catalogs catalogs;
    private final CurrentCaller caller;
    private final ApiKeys keys;

    private final ConsoleWords words;

    private final ErrorWords errorWords;

    StaffPageController(
            ConsoleWords words,
            StaffDirectory directory,
            Catalogs catalogs,
            CurrentCaller caller,
            ApiKeys keys,
            ErrorWords errorWords) {
        this.keys = keys;
        this.errorWords = errorWords;
        this.words = words;
        this.directory = directory;
        this.catalogs = catalogs;
        this.caller = caller;
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        model.addAttribute("staff", directory.all());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("sites", catalogs.sites());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffDirectory.NewMember("", "", List.of(), List.of()));
        }
        return "admin/staff";
    }

    @PostMapping("/admin/staff")
    String create(
            @RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(required = false) @Nullable List<String> sites,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffDirectory.NewMember form = new StaffDirectory.NewMember(username, password, listOf(roles), listOf(sites));
        try {
            StaffMember created = directory.create(form, caller.get());
            redirect.addFlashAttribute("done", words.get("console.staff.done.added", created.username()));
            redirect.addFlashAttribute("signInLink", created.signInLink());
            return "redirect:/admin/staff";
        } catch (InvalidInputException e) {
            refused(e, model, response);
            model.addAttribute("form", new StaffDirectory.NewMember(username, "", form.roles(), form.sites()));
            return list(model);
        }
    }

    @GetMapping("/admin/staff/{username}")
    String member(@PathVariable String username, Model model) {
        StaffMember member =
                directory.find(username).orElseThrow(() -> new NotFoundException("There is no such staff member."));
        model.addAttribute("member", member);
        // said before the change, not after: disabling or narrowing the member revokes these (ApiKeys.outranked)
        model.addAttribute("keys", keys.ownedBy(username));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("sites", catalogs.sites());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new StaffDirectory.Change(
                            member.roles().stream().map(Enum::name).toList(),
                            List.copyOf(member.sites()),
                            member.disabled(),
                            null));
        }
        return "admin/staff-member";
    }

    /** The form always sends the whole state of the member; an empty password field leaves the password alone. */
    @PostMapping("/admin/staff/{username}")
    String change(
            @PathVariable String username,
            @RequestParam(required = false) @Nullable List<String> roles,
            @RequestParam(required = false) @Nullable List<String> sites,
            @RequestParam(defaultValue = "false") boolean disabled,
            @RequestParam(required = false) @Nullable String password,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffDirectory.Change change = new StaffDirectory.Change(
                listOf(roles), listOf(sites), disabled, password == null || password.isEmpty() ? null : password);
        try {
            StaffMember changed = directory.change(username, change, caller.get());
            redirect.addFlashAttribute("done", words.get("console.staff.done.changed", username));
            redirect.addFlashAttribute("signInLink", changed.signInLink());
            return "redirect:/admin/staff";
        } catch (InvalidInputException e) {
            refused(e, model, response);
            model.addAttribute("form", change);
            return member(username, model);
        }
    }

    private void refused(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errorWords.byField(e));
    }

    private static List<String> listOf(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
