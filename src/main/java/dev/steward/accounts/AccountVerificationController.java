package dev.steward.accounts;

import dev.steward.platform.EmailLinks;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Phrase;
import dev.steward.platform.UnusableLinkException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link that verifies a new account's address follows {@link EmailLinks}: it opens a page where the registrant
 * types the password they chose and confirms. Opening the link, by a mail scanner or twice, changes nothing, and
 * whoever reads the mailbox without having registered cannot confirm a stranger's registration.
 */
@Controller
class AccountVerificationController {

    private final AccountPageModel pages;
    private final AccountVerifications verifications;

    private final ErrorWords errorWords;

    AccountVerificationController(AccountPageModel pages, AccountVerifications verifications, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.pages = pages;
        this.verifications = verifications;
    }

    @GetMapping("/s/{site}/account/verify/{token}")
    String page(@PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        if (!verifications.isValid(site, token)) {
            throw unusable(site, token);
        }
        pages.addTo(model, site);
        model.addAttribute("token", token);
        return "accounts/verify";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/account/verify/{token}")
    String verify(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        pages.addTo(model, site);
        AccountVerifications.Outcome outcome;
        try {
            outcome = verifications.verify(site, token, password);
        } catch (InvalidInputException e) {
            AccountPageModel.errors(model, errorWords.shown(e));
            model.addAttribute("token", token);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/verify";
        }
        if (outcome == AccountVerifications.Outcome.UNUSABLE) {
            throw unusable(site, token);
        }
        model.addAttribute("outcome", outcome.name().toLowerCase(Locale.ROOT));
        return "accounts/verified";
    }

    private UnusableLinkException unusable(String site, String token) {
        EmailLinks.Reason reason = verifications.whyUnusable(site, token);
        return pages.unusableLink(
                site,
                reason,
                Phrase.of(reason == EmailLinks.Reason.USED ? "link.account.used" : "link.account.expired"),
                "/s/" + site + "/account/login",
                Phrase.of("link.next.sign-in"));
    }
}
