package dev.steward.changes;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.PurposeNames;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.ConsentEvent;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.Phrase;
import dev.steward.platform.UnusableLinkException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page the link of a change mail opens ({@link EmailLinks}): opening it shows the new wording and changes nothing;
 * only its button consents again.
 */
@Controller
class ReconsentController {

    private final Reconsents reconsents;
    private final Catalogs catalogs;
    private final PurposeNames purposeNames;

    ReconsentController(Reconsents reconsents, Catalogs catalogs, PurposeNames purposeNames) {
        this.reconsents = reconsents;
        this.catalogs = catalogs;
        this.purposeNames = purposeNames;
    }

    static String path(String site, String token) {
        return "/s/" + site + "/notice-change/" + token;
    }

    @GetMapping("/s/{site}/notice-change/{token}")
    String page(
            @PathVariable String site,
            @PathVariable String token,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        Reconsents.Pending pending =
                reconsents.pending(site, token, locale.getLanguage()).orElseThrow(() -> unusable(site, token));
        site(site, locale, model);
        model.addAttribute("action", path(site, token));
        model.addAttribute("asked", pending.asked());
        model.addAttribute(
                "diffPath",
                "/s/" + site + "/privacy/diff?from=" + pending.change().from() + "&to="
                        + pending.change().to());
        return "changes/reconsent";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/notice-change/{token}")
    String confirm(
            @PathVariable String site,
            @PathVariable String token,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        List<ConsentEvent> recorded = reconsents
                .confirm(site, token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT))
                .orElseThrow(() -> unusable(site, token));
        site(site, locale, model);
        model.addAttribute(
                "receipts", recorded.stream().map(ConsentEvent::receiptPath).toList());
        // each receipt named by the purpose it proves consent to (fragments/receipts), as after a form
        model.addAttribute(
                "receiptNames",
                purposeNames.shown(
                        site, recorded.stream().map(ConsentEvent::purpose).toList(), locale.getLanguage()));
        return "changes/reconsented";
    }

    private void site(String site, Locale locale, Model model) {
        Site declared = catalogs.requireSite(site);
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().in(locale.getLanguage(), declared.language()));
        // the wording asked for is the site's, as the ledger records it: marked where the page speaks another language
        model.addAttribute(
                "wordingLang", declared.language().equals(locale.getLanguage()) ? null : declared.language());
    }

    private UnusableLinkException unusable(String site, String token) {
        Site declared = catalogs.requireSite(site);
        String name = declared.name().in(VisitorLanguages.of(declared));
        EmailLinks.Reason reason = reconsents.whyUnusable(site, token);
        return new UnusableLinkException(new UnusableLinkException.Page(
                reason,
                site,
                name,
                reason.detail("link.reconsent"),
                "/s/" + site + "/privacy",
                Phrase.of("link.next.notice", name)));
    }
}
