package dev.steward.accounts;

import dev.steward.platform.EmailLinks;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Phrase;
import dev.steward.platform.RateLimitedException;
import dev.steward.platform.UnusableLinkException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": ask for a link by e-mail, then choose a new password on the page it opens. The link follows
 * {@link EmailLinks}: opening it changes nothing; only saving the new password uses it up.
 */
@Controller
class PasswordResetController {

    private final AccountPageModel pages;
    private final PasswordResets resets;
    private final AccountDevices devices;
    private final ResetRequestLimit limit;
    private final ErrorWords errorWords;

    PasswordResetController(
            AccountPageModel pages,
            PasswordResets resets,
            AccountDevices devices,
            ResetRequestLimit limit,
            ErrorWords errorWords) {
        this.devices = devices;
        this.limit = limit;
        this.errorWords = errorWords;
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
            HttpServletRequest request,
            HttpServletResponse response) {
        page(model, site);
        try {
            limit.admit(request.getRemoteAddr());
            resets.request(site, login);
        } catch (InvalidInputException e) {
            return refused(model, e, response, "accounts/reset-request");
        } catch (RateLimitedException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            AccountPageModel.errors(model, errorWords.shown(List.of(e.error())));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/reset-request";
        }
        model.addAttribute("sent", true);
        return "accounts/reset-request";
    }

    @GetMapping("/s/{site}/account/reset/{token}")
    String newPasswordPage(
            @PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        page(model, site);
        if (!resets.isValid(site, token)) {
            throw unusable(site, token);
        }
        model.addAttribute("token", token);
        return "accounts/reset";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/account/reset/{token}")
    String reset(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        page(model, site);
        if (!resets.isValid(site, token)) {
            throw unusable(site, token);
        }
        try {
            devices.set(
                    site,
                    resets.reset(site, token, password).orElseThrow(() -> unusable(site, token)),
                    request,
                    response);
        } catch (InvalidInputException e) {
            model.addAttribute("token", token);
            return refused(model, e, response, "accounts/reset");
        }
        return "redirect:/s/" + site + "/account/login?reset=done";
    }

    private String refused(Model model, InvalidInputException e, HttpServletResponse response, String view) {
        AccountPageModel.errors(model, errorWords.shown(e));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    private UnusableLinkException unusable(String site, String token) {
        EmailLinks.Reason reason = resets.whyUnusable(site, token);
        return pages.unusableLink(
                site,
                reason,
                Phrase.of(reason == EmailLinks.Reason.USED ? "link.reset.used" : "link.reset.expired"),
                "/s/" + site + "/account/reset",
                Phrase.of("link.next.reset"));
    }

    private void page(Model model, String site) {
        pages.addTo(model, site);
    }
}
