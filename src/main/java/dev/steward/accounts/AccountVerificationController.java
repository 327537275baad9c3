package dev.steward.accounts;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link that verifies a new account's address opens a page whose button verifies it: opening the link, by a mail
 * scanner or twice, changes nothing.
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
    String verify(@PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        pages.addTo(model, site);
        return answered(verifications.verify(site, token), model, response);
    }

    private static String answered(AccountVerifications.Outcome outcome, Model model, HttpServletResponse response) {
        if (outcome == AccountVerifications.Outcome.UNUSABLE) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "accounts/verified";
    }
}
