package dev.steward.staff;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console page on which every member changes their own password ({@code /admin/password}). */
@Controller
@Requires(Permission.CHANGE_OWN_PASSWORD)
class OwnPasswordController {

    private final OwnPassword passwords;
    private final CurrentCaller caller;

    private final ErrorWords errorWords;

    OwnPasswordController(OwnPassword passwords, CurrentCaller caller, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.passwords = passwords;
        this.caller = caller;
    }

    @GetMapping("/admin/password")
    String page(Model model) {
        model.addAttribute("minimum", StaffPasswordRules.MIN_PASSWORD_LENGTH);
        return "admin/password";
    }

    @PostMapping("/admin/password")
    String change(
            @RequestParam(required = false) @Nullable String current,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String repeated,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            passwords.change(caller.get(), new OwnPassword.Change(current, password, repeated));
            // every other session of the member ends once the change commits; this one ends now
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/login?password-changed";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.byField(e));
            return page(model);
        }
    }
}
