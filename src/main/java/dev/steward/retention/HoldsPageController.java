package dev.steward.retention;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.ShownError;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's legal holds: the form to place one, the holds in force, and releasing them. */
@Controller
class HoldsPageController {

    private final LegalHolds holds;
    private final CurrentCaller caller;
    private final Clock clock;

    private final ErrorWords errorWords;

    HoldsPageController(LegalHolds holds, CurrentCaller caller, Clock clock, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.holds = holds;
        this.caller = caller;
        this.clock = clock;
    }

    @GetMapping("/admin/holds")
    @Requires(Permission.READ_HOLDS)
    String page(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String record,
            Model model) {
        Caller staff = caller.get();
        model.addAttribute("holds", holds.list(all, staff));
        model.addAttribute("all", all);
        model.addAttribute("now", clock.instant());
        model.addAttribute("mayAct", staff.may(Permission.MANAGE_HOLDS));
        if (!model.containsAttribute("request")) {
            // a case page links here with its record, a person's page with the subject, so staff need not copy ids
            model.addAttribute("request", new HoldRequest(subject, record, null, null));
        }
        return "admin/holds";
    }

    @PostMapping("/admin/holds")
    @Requires(Permission.MANAGE_HOLDS)
    String place(
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String record,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String until,
            Model model,
            HttpServletResponse response) {
        HoldRequest request = new HoldRequest(subject, record, reason, until);
        try {
            LegalHold hold = holds.place(request, caller.get());
            return "redirect:/admin/holds?placed=" + hold.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("request", request);
            List<ShownError> errors = errorWords.shown(e);
            model.addAttribute("errors", errors);
            model.addAttribute(
                    "fieldErrors",
                    errors.stream()
                            .filter(error -> error.field() != null)
                            .collect(Collectors.toMap(
                                    ShownError::field, Function.identity(), (first, second) -> first)));
            return page(false, null, null, model);
        }
    }

    @PostMapping("/admin/holds/{id}/release")
    @Requires(Permission.MANAGE_HOLDS)
    String release(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response) {
        try {
            holds.release(id, reason, caller.get());
            return "redirect:/admin/holds?released=" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.shown(e));
            model.addAttribute("fieldErrors", Map.of());
            return page(false, null, null, model);
        }
    }
}
