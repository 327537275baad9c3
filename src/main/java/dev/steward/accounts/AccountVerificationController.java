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

/**
 * The link that verifies a new account's address opens a page where the registrant types the password they chose and
 * confirms: opening the link, by a mail scanner or twice, changes nothing, and whoever reads the mailbox without
 * having registered cannot confirm a stranger's registration.
 */
@Controller
class AccountVerificationController {

    private final AccountPageModel pages;
    private final AccountVerifications verifications;

    AccountVerificationController(AccountPageModel pages, AccountVerifications verifications) {
        this.pages = pages;
        this.verifications = verifications;
    }

    @GetMapping("/s/{site}/account/verify/{token}")
    String page(@PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        pages.addTo(model, site);
        if (!verifications.isValid(site, token)) {
            return answered(AccountVerifications.Outcome.UNUSABLE, model, response);
        }
        model.addAttribute("token", token);
        return "accounts/verify";
    }

    @PostMapping("/s/{site}/account/verify/{token}")
    String verify(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response) {
        pages.addTo(model, site);
        try {
            return answered(verifications.verify(site, token, password), model, response);
        } catch (InvalidInputException e) {
            AccountPageModel.errors(model, e.errors());
            model.addAttribute("token", token);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/verify";
        }
    }

    private static String answered(AccountVerifications.Outcome outcome, Model model, HttpServletResponse response) {
        if (outcome == AccountVerifications.Outcome.UNUSABLE) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "accounts/verified";
    }
}
