package dev.steward.intake;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Form;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.PurposeNames;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.ConsentEvent;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.Phrase;
import dev.steward.platform.UnusableLinkException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages links in e-mails open: a parent deciding on a child's submission, a subscriber confirming a double opt-in.
 * They follow {@link EmailLinks}: opening a link only shows what is asked; the decision is a button (a POST with a
 * CSRF token), so a mail scanner that follows links confirms nothing.
 */
@Controller
class EmailLinksController {

    private final ParentalConsents parents;
    private final DoubleOptIns doubleOptIns;
    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final IntakeTokenRepository tokens;
    private final PurposeNames purposeNames;

    EmailLinksController(
            ParentalConsents parents,
            DoubleOptIns doubleOptIns,
            Catalogs catalogs,
            PublishedNotices notices,
            IntakeTokenRepository tokens,
            PurposeNames purposeNames) {
        this.parents = parents;
        this.doubleOptIns = doubleOptIns;
        this.catalogs = catalogs;
        this.notices = notices;
        this.tokens = tokens;
        this.purposeNames = purposeNames;
    }

    @GetMapping("/s/{site}/parental-consent/{token}")
    String parentPage(
            @PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        ParentalConsents.Pending pending = parents.pending(site, token)
                .orElseThrow(() -> unusable(site, token, IntakeToken.Kind.PARENTAL_CONSENT));
        Catalog catalog = catalogs.of(site);
        Site declared = page(site, model);
        // the parent reads the page in their browser's language; catalog texts without it in the site's, marked
        String language = VisitorLanguages.of(declared);
        String fallback = declared.language();
        Form form = pending.form();
        ProcessingActivity activity = catalog.activity(form.activity()).orElseThrow();
        IntakeToken held = pending.token();
        model.addAttribute("token", token);
        model.addAttribute("title", form.title().shownIn(language, fallback));
        model.addAttribute(
                "fields",
                form.fields().stream()
                        .map(catalog::field)
                        .flatMap(Optional::stream)
                        .filter(field -> field.type().isTypedByVisitor())
                        .map((DataCategory.Field field) -> field.label().shownIn(language, fallback))
                        .toList());
        model.addAttribute(
                "boxes",
                form.consents().stream()
                        .filter(box -> held.purposes().contains(box.purpose()))
                        .map(box -> box.text().shownIn(language, fallback))
                        .toList());
        model.addAttribute(
                "withdrawal",
                activity.consent() == null
                        ? null
                        : activity.consent().withdrawal().shownIn(language, fallback));
        model.addAttribute(
                "noticeUrl",
                "/s/" + site + "/privacy/v/" + notices.inForce(site).version() + "?region=" + held.jurisdiction());
        model.addAttribute("expiresAt", held.expiresAt());
        return "intake/parental-consent";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/parental-consent/{token}")
    String parentDecides(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String decision,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        if (!"confirm".equals(decision) && !"refuse".equals(decision)) {
            // only the page's two buttons decide; anything else is shown the page again
            return "redirect:/s/" + site + "/parental-consent/" + token;
        }
        page(site, model);
        if ("refuse".equals(decision)) {
            if (!parents.refuse(site, token)) {
                throw unusable(site, token, IntakeToken.Kind.PARENTAL_CONSENT);
            }
            model.addAttribute("refused", true);
            return "intake/parental-decided";
        }
        Submitted confirmed = parents.confirm(
                        site, token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT))
                .orElseThrow(() -> unusable(site, token, IntakeToken.Kind.PARENTAL_CONSENT));
        model.addAttribute("refused", false);
        receipts(site, confirmed.receipts(), confirmed.receiptPurposes(), model);
        return "intake/parental-decided";
    }

    @GetMapping("/s/{site}/confirm/{token}")
    String confirmPage(
            @PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        EmailLinks.secret(response);
        IntakeToken pending = doubleOptIns
                .pending(site, token)
                .orElseThrow(() -> unusable(site, token, IntakeToken.Kind.DOUBLE_OPT_IN));
        Site declared = page(site, model);
        model.addAttribute("token", token);
        model.addAttribute("purposes", purposeNames.shown(site, pending.purposes(), VisitorLanguages.of(declared)));
        return "intake/confirm";
    }

    @EmailLinks.Button
    @PostMapping("/s/{site}/confirm/{token}")
    String confirm(
            @PathVariable String site,
            @PathVariable String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EmailLinks.secret(response);
        List<ConsentEvent> confirmed = doubleOptIns
                .confirm(site, token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT))
                .orElseThrow(() -> unusable(site, token, IntakeToken.Kind.DOUBLE_OPT_IN));
        page(site, model);
        receipts(
                site,
                confirmed.stream().map(ConsentEvent::receiptPath).toList(),
                confirmed.stream().map(ConsentEvent::purpose).toList(),
                model);
        return "intake/confirmed";
    }

    /** Each receipt with the purpose of the consent it proves, which the page names it by (fragments/receipts). */
    private void receipts(String site, List<String> paths, List<String> purposes, Model model) {
        Site declared = catalogs.requireSite(site);
        model.addAttribute("receipts", paths);
        model.addAttribute("receiptNames", purposeNames.shown(site, purposes, VisitorLanguages.of(declared)));
    }

    private Site page(String site, Model model) {
        Site declared = catalogs.requireSite(site);
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().in(declared.language()));
        return declared;
    }

    /** Why the link opens nothing, in words for its kind. */
    private UnusableLinkException unusable(String site, String token, IntakeToken.Kind kind) {
        Site declared = catalogs.requireSite(site);
        EmailLinks.Reason reason = tokens.whyUnusable(LinkTokens.hash(token), kind, site);
        String name = declared.name().in(VisitorLanguages.of(declared));
        return new UnusableLinkException(new UnusableLinkException.Page(
                reason,
                site,
                name,
                reason.detail(kind == IntakeToken.Kind.PARENTAL_CONSENT ? "link.parental" : "link.subscription"),
                "/s/" + site + "/",
                Phrase.of("link.next.back", name)));
    }
}
