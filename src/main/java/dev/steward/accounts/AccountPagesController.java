package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Form;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.ConsentEvent;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The visitor's account pages once signed in ({@link AccountSignInController}): "My privacy" (their data, their consents with receipts, their marketing
 * choices), the download area, and deleting the account. Seeing the data, changing choices and deleting need the
 * password typed within the site's re-authentication period (seed 000 §4); deleting asks for it once more anyway.
 */
@Controller
class AccountPagesController {

    private final Catalogs catalogs;
    private final SignIn signIn;
    private final VisitorSessions sessions;
    private final AccountRepository accounts;
    private final PrivacyOverview overview;
    private final MarketingPreferences preferences;
    private final VisitorRegions regions;
    private final AccountErasure erasure;
    private final AccountPageModel pages;
    private final Clock clock;
    private final AccountWords words;
    private final ErrorWords errorWords;

    AccountPagesController(
            Catalogs catalogs,
            SignIn signIn,
            VisitorSessions sessions,
            AccountRepository accounts,
            PrivacyOverview overview,
            MarketingPreferences preferences,
            VisitorRegions regions,
            AccountErasure erasure,
            AccountPageModel pages,
            Clock clock,
            AccountWords words,
            ErrorWords errorWords) {
        this.catalogs = catalogs;
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.overview = overview;
        this.preferences = preferences;
        this.regions = regions;
        this.erasure = erasure;
        this.pages = pages;
        this.clock = clock;
        this.words = words;
        this.errorWords = errorWords;
    }

    @GetMapping("/s/{site}/account")
    String privacy(@PathVariable String site, Model model) {
        VisitorPrincipal visitor = sessions.signedIn();
        String reauthenticate = reauthenticationFor(visitor, "/s/" + site + "/account");
        if (reauthenticate != null) {
            return reauthenticate;
        }
        return privacyPage(site, visitor, model);
    }

    @PostMapping("/s/{site}/account/preferences")
    String savePreferences(
            @PathVariable String site,
            @RequestParam(name = "purpose", required = false) List<String> ticked,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        VisitorPrincipal visitor = sessions.signedIn();
        String reauthenticate = reauthenticationFor(visitor, "/s/" + site + "/account");
        if (reauthenticate != null) {
            return reauthenticate;
        }
        Set<String> wanted = ticked == null ? Set.of() : new LinkedHashSet<>(ticked);
        try {
            List<ConsentEvent> recorded = preferences.update(
                    site,
                    visitor.subject(),
                    wanted,
                    new MarketingPreferences.Connection(
                            regions.resolve(site, null, request),
                            request.getRemoteAddr(),
                            request.getHeader("User-Agent")));
            redirect.addFlashAttribute(
                    "saved", recorded.stream().map(ConsentEvent::receiptPath).toList());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "preferencesError", errorWords.text(e.errors().get(0)));
        }
        return "redirect:/s/" + site + "/account#preferences";
    }

    @GetMapping("/s/{site}/account/downloads")
    String downloads(@PathVariable String site, Model model) {
        VisitorPrincipal visitor = sessions.signedIn();
        Account account = accounts.find(site, visitor.subject()).orElseThrow(() -> noDownloads(site));
        Form form = catalogs.of(site)
                .form(site, account.registeredWith())
                .filter(Form::unlocksDownloads)
                .orElseThrow(() -> noDownloads(site));
        String language = VisitorLanguages.of(catalogs.requireSite(site));
        page(model, site);
        model.addAttribute(
                "downloads",
                form.downloads().stream()
                        .map(download -> DownloadLink.of(download, language))
                        .toList());
        return "accounts/downloads";
    }

    /** Deleting asks for the password again whatever the period, then erases the person and signs them out. */
    @PostMapping("/s/{site}/account/delete")
    String delete(
            @PathVariable String site,
            @RequestParam(defaultValue = "") String password,
            @CookieValue(name = AccountDevices.COOKIE, required = false) @Nullable String device,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        VisitorPrincipal visitor = sessions.signedIn();
        SignIn.Result result = signIn.confirm(site, visitor.subject(), password, device);
        if (result.outcome() != SignIn.Outcome.SIGNED_IN) {
            if (result.outcome() == SignIn.Outcome.LOCKED) {
                sessions.signOut(request, response);
                return "redirect:/s/" + site + "/account/login";
            }
            model.addAttribute("deleteError", errorWords.text(words.signInRefusal(site, result, "delete-password")));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return privacyPage(site, visitor, model);
        }
        List<KeptRecord> kept = erasure.eraseAtHoldersRequest(site, visitor.subject()).stream()
                .map(blocker ->
                        KeptRecord.of(catalogs.of(site), VisitorLanguages.of(catalogs.requireSite(site)), blocker))
                .toList();
        redirect.addFlashAttribute("kept", kept);
        sessions.signOut(request, response);
        return "redirect:/s/" + site + "/account/deleted";
    }

    @GetMapping("/s/{site}/account/deleted")
    String deleted(@PathVariable String site, Model model) {
        page(model, site);
        return "accounts/deleted";
    }

    private String privacyPage(String site, VisitorPrincipal visitor, Model model) {
        Site declared = pages.addTo(model, site);
        // the name the site's notice gives the e-mail choices ("click \"Email Address & Password\""), if it gives one
        Site.Accounts settings = declared.accounts();
        model.addAttribute(
                "emailChoicesTitle",
                settings == null || settings.emailChoicesTitle() == null
                        ? null
                        : settings.emailChoicesTitle().shownIn(VisitorLanguages.of(declared), declared.language()));
        model.addAttribute("overview", overview.of(site, visitor.subject()));
        model.addAttribute("preferences", preferences.of(site, visitor.subject()));
        model.addAttribute("operational", catalogs.of(site).operationalMail(declared, VisitorLanguages.of(declared)));
        boolean downloads = accounts.find(site, visitor.subject())
                .flatMap(account -> catalogs.of(site).form(site, account.registeredWith()))
                .map(Form::unlocksDownloads)
                .orElse(false);
        model.addAttribute("downloads", downloads);
        return "accounts/privacy";
    }

    /** Where to send a visitor whose password is older than the site's period, or null when it is recent. */
    private @Nullable String reauthenticationFor(VisitorPrincipal visitor, String back) {
        if (AccountPolicy.of(catalogs.requireSite(visitor.site())).recent(visitor.passwordAt(), clock.instant())) {
            return null;
        }
        return "redirect:/s/" + visitor.site() + "/account/password?continue="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    private void page(Model model, String site) {
        pages.addTo(model, site);
    }

    private static NotFoundException noDownloads(String site) {
        return new NotFoundException("Your account on site '" + site + "' has no download area.");
    }
}
