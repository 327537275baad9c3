package dev.steward.accounts;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way into the visitor's account area: signing in, signing out, and typing the password again when the site's
 * re-authentication period has passed (seed 000 §4). Each sends the visitor back only to a page of the same site's
 * account area or privacy center, never to a place named from outside.
 */
@Controller
class AccountSignInController {

    private final SignIn signIn;
    private final VisitorSessions sessions;
    private final AccountDevices devices;
    private final AccountPageModel pages;
    private final AccountWords words;
    private final ErrorWords errorWords;
    private final Clock clock;

    AccountSignInController(
            SignIn signIn,
            VisitorSessions sessions,
            AccountDevices devices,
            AccountPageModel pages,
            AccountWords words,
            ErrorWords errorWords,
            Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.devices = devices;
        this.pages = pages;
        this.words = words;
        this.errorWords = errorWords;
        this.clock = clock;
    }

    @GetMapping("/s/{site}/account/login")
    String loginPage(
            @PathVariable String site, @RequestParam(name = "continue", required = false) String back, Model model) {
        return passwordForm("accounts/login", site, back, null, model, null);
    }

    @PostMapping("/s/{site}/account/login")
    String login(
            @PathVariable String site,
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "continue", required = false) String back,
            @CookieValue(name = AccountDevices.COOKIE, required = false) @Nullable String device,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SignIn.Result result = signIn.signIn(site, login, password, device);
        if (result.outcome() == SignIn.Outcome.SIGNED_IN) {
            Instant now = clock.instant();
            sessions.signIn(new VisitorPrincipal(site, result.subject().toString(), now, now), request, response);
            devices.set(site, result.device(), request, response);
            return "redirect:" + back(site, back);
        }
        model.addAttribute("login", login);
        return passwordForm("accounts/login", site, back, words.signInRefusal(site, result, "login"), model, response);
    }

    @PostMapping("/s/{site}/account/logout")
    String logout(@PathVariable String site, HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/s/" + site + "/";
    }

    @GetMapping("/s/{site}/account/password")
    String passwordPage(
            @PathVariable String site, @RequestParam(name = "continue", required = false) String back, Model model) {
        return passwordForm("accounts/password", site, back, null, model, null);
    }

    /** The password typed again: sensitive actions are open for another period, and the visitor goes back. */
    @PostMapping("/s/{site}/account/password")
    String confirmPassword(
            @PathVariable String site,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "continue", required = false) String back,
            @CookieValue(name = AccountDevices.COOKIE, required = false) @Nullable String device,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        VisitorPrincipal visitor = sessions.signedIn();
        SignIn.Result result = signIn.confirm(site, visitor.subject(), password, device);
        if (result.outcome() == SignIn.Outcome.SIGNED_IN) {
            sessions.save(visitor.passwordConfirmedAt(clock.instant()), request, response);
            return "redirect:" + back(site, back);
        }
        if (result.outcome() == SignIn.Outcome.LOCKED) {
            sessions.signOut(request, response);
        }
        return passwordForm(
                "accounts/password", site, back, words.signInRefusal(site, result, "password"), model, response);
    }

    /** Only a page of this site's account area is a place to go back to. */
    private static String back(String site, @Nullable String requested) {
        String home = "/s/" + site + "/account";
        if (requested == null
                || !(requested.startsWith(home) || requested.startsWith("/s/" + site + "/privacy-center"))
                || requested.contains("//")
                || requested.contains("\\")
                || requested.startsWith(home + "/login")) {
            return home;
        }
        return requested;
    }

    /** The sign-in or password page, with the place to go back to and, after a refusal, why. */
    private String passwordForm(
            String view,
            String site,
            @Nullable String back,
            @Nullable FieldError refusal,
            Model model,
            @Nullable HttpServletResponse response) {
        pages.addTo(model, site);
        model.addAttribute("back", back(site, back));
        if (refusal != null && response != null) {
            AccountPageModel.errors(model, errorWords.shown(List.of(refusal)));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return view;
    }
}
