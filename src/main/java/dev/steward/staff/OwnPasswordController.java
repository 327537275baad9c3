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
    private final StaffDevices devices;
    private final CurrentCaller caller;

    private final ErrorWords errorWords;

    OwnPasswordController(OwnPassword passwords, StaffDevices devices, CurrentCaller caller, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.passwords = passwords;
        this.devices = devices;
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
            String device = passwords.change(caller.get(), new OwnPassword.Change(current, password, repeated));
            devices.set(device, request, response);
            // every other session of the member ends once the change commits; this one ends now
            endSession(request);
            return "redirect:/login?password-changed";
        } catch (InvalidInputException e) {
            if (e.errors().stream().anyMatch(error -> OwnPassword.LOCKED.equals(error.code()))) {
                // too many wrong current passwords: this session guesses no more (OwnPassword.LOCKED)
                endSession(request);
                return "redirect:/login?error";
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.byField(e));
            return page(model);
        }
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
