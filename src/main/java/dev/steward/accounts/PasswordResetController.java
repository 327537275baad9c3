package dev.steward.accounts;

import dev.steward.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by e-mail, then choose a new password on the page it opens. */
@Controller
class PasswordResetController {

    private final AccountPageModel pages;
    private final PasswordResets resets;

    PasswordResetController(AccountPageModel pages, PasswordResets resets) {
        this.pages = pages;
        this.resets = resets;
    }

    @GetMapping("/s/{site}/account/reset")
    String requestPage(@PathVariable String site, Model model) {
        page(model, site);
        return "accounts/reset-request";
    }

    @PostMapping("/s/{site}/account/reset")
    String request(
            @PathVariable String site,
            @RequestParam(defaultValue = "") String login,
            Model model,
            HttpServletResponse response) {
        page(model, site);
        try {
            resets.request(site, login);
        } catch (InvalidInputException e) {
            return refused(model, e, response, "accounts/reset-request");
        }
        model.addAttribute("sent", true);
        return "accounts/reset-request";
    }

    @GetMapping("/s/{site}/account/reset/{token}")
    String newPasswordPage(
            @PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        page(model, site);
        if (!resets.isValid(site, token)) {
            return expired(response);
        }
        model.addAttribute("token", token);
        return "accounts/reset";
    }

    @PostMapping("/s/{site}/account/reset/{token}")
    String reset(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response) {
        page(model, site);
        try {
            if (!resets.reset(site, token, password)) {
                return expired(response);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("token", token);
            return refused(model, e, response, "accounts/reset");
        }
        return "redirect:/s/" + site + "/account/login?reset=done";
    }

    private static String refused(Model model, InvalidInputException e, HttpServletResponse response, String view) {
        AccountPageModel.errors(model, e.errors());
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    private static String expired(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "accounts/reset-expired";
    }

    private void page(Model model, String site) {
        pages.addTo(model, site);
    }
}
