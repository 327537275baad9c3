package dev.steward.rights;

import dev.steward.accounts.SignedInVisitors;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText.Shown;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.RateLimitedException;
import dev.steward.platform.ShownError;
import dev.steward.vault.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The privacy center's pages: the rights of the visitor's region, one page per right, and each request's page. */
@Controller
class PrivacyCenterController {

    private final PrivacyCenter center;
    private final RightPages pages;
    private final Catalogs catalogs;
    private final SignedInVisitors visitors;
    private final VerifiedAddresses addresses;
    private final VisitorRegions regions;
    private final ErasureSummaryWords erasures;

    private final ErrorWords errorWords;

    PrivacyCenterController(
            PrivacyCenter center,
            RightPages pages,
            Catalogs catalogs,
            SignedInVisitors visitors,
            VerifiedAddresses addresses,
            VisitorRegions regions,
            ErasureSummaryWords erasures,
            ErrorWords errorWords) {
        this.erasures = erasures;
        this.errorWords = errorWords;
        this.center = center;
        this.pages = pages;
        this.catalogs = catalogs;
        this.visitors = visitors;
        this.addresses = addresses;
        this.regions = regions;
    }

    /** The address mails, notices and bookmarks have always linked to: now the index of the rights. */
    @GetMapping("/s/{site}/privacy-center")
    String entrance(@PathVariable String site, @RequestParam(required = false) @Nullable String region) {
        catalogs.requireSite(site);
        return "redirect:"
                + UriComponentsBuilder.fromPath("/s/{site}/privacy-center/rights")
                        .queryParamIfPresent("region", Optional.ofNullable(region))
                        .buildAndExpand(site)
                        .encode()
                        .toUriString();
    }

    @GetMapping("/s/{site}/privacy-center/rights")
    String index(
            @PathVariable String site,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletRequest http) {
        return pages.index(site, regions.resolve(site, region, http), model, http);
    }

    @GetMapping("/s/{site}/privacy-center/rights/{right}")
    String right(
            @PathVariable String site,
            @PathVariable String right,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletRequest http) {
        return pages.right(site, regions.resolve(site, region, http), right, null, model, http);
    }

    @PostMapping("/s/{site}/privacy-center/requests")
    String submit(
            @PathVariable String site,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response)
            throws MissingServletRequestParameterException {
        // the right's page re-shows the form: without the right and the region its form's hidden fields name, there
        // is no page to show, so that is the page that names the missing parameter (as a missing one does elsewhere)
        for (String named : List.of("type", "region")) {
            String value = form.getFirst(named);
            if (value == null || value.isBlank()) {
                throw new MissingServletRequestParameterException(named, "String");
            }
        }
        NewRequest request = new NewRequest(
                form.getFirst("type"),
                form.getFirst("email"),
                form.getFirst("region"),
                form.get("grounds"),
                form.get("purposes"),
                changes(form),
                form.getFirst("statement"),
                form.getFirst("transferTo"),
                form.getFirst("message"));
        try {
            SubjectId account = visitors.on(site, http)
                    .filter(SignedInVisitors.SignedIn::recentPassword)
                    .map(SignedInVisitors.SignedIn::subject)
                    .orElse(null);
            PrivacyCenter.Submitted submitted = center.submit(
                    site, request, account, addresses.on(site, http).orElse(null), http.getRemoteAddr());
            return "redirect:/s/" + site + "/privacy-center/requests/" + submitted.statusToken()
                    + (submitted.status() == RequestStatus.AWAITING_VERIFICATION ? "?submitted" : "");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return refused(site, request, form, errorWords.shown(e), model, http);
        } catch (RateLimitedException e) {
            tooMany(response, e.retryAfterSeconds());
            return refused(site, request, form, errorWords.shown(List.of(e.error())), model, http);
        }
    }

    private String refused(
            String site,
            NewRequest request,
            MultiValueMap<String, String> form,
            List<ShownError> errors,
            Model model,
            HttpServletRequest http) {
        return pages.right(
                site,
                request.region(),
                request.type(),
                new RightPages.Failed(errors, form.toSingleValueMap()),
                model,
                http);
    }

    @GetMapping("/s/{site}/privacy-center/requests/{token}")
    String status(@PathVariable String site, @PathVariable String token, Model model, HttpServletResponse response) {
        // its address is the request's secret, as an e-mailed link's: kept out of caches, referrers and indexes
        EmailLinks.secret(response);
        PrivacyCenter.View view = center.view(token);
        if (!view.request().site().equals(site)) {
            throw new NotFoundException("There is no request at this address.");
        }
        model.addAttribute("site", catalogs.requireSite(site));
        model.addAttribute("view", view);
        // the status link is the same proof as for the rest of the page; the outcome outlives the requester's key
        model.addAttribute("outcome", erasures.of(view.request(), LocaleContextHolder.getLocale()));
        Map<String, Shown> recipients = new LinkedHashMap<>();
        view.recipientsTold()
                .forEach(notice -> catalogs.of(site)
                        .recipient(notice.recipient())
                        .ifPresent(recipient -> recipients.put(
                                recipient.key(),
                                recipient
                                        .name()
                                        .shownIn(
                                                VisitorLanguages.current(),
                                                catalogs.requireSite(site).language()))));
        model.addAttribute("recipientNames", recipients);
        model.addAttribute("token", token);
        return "privacy-center/status";
    }

    @PostMapping("/s/{site}/privacy-center/requests/{token}/verify")
    String verifyCode(
            @PathVariable String site,
            @PathVariable String token,
            @RequestParam String code,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        try {
            addresses.remember(center.verifyCode(token, code, http.getRemoteAddr()), http);
            return "redirect:/s/" + site + "/privacy-center/requests/" + token;
        } catch (CodesLockedException e) {
            tooMany(response, e.retryAfterSeconds());
            model.addAttribute("codeErrors", errorWords.shown(e));
            return status(site, token, model, response);
        } catch (InvalidInputException e) {
            // a refusal, as the forms answer theirs: a client reading statuses sees the code was not taken
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("codeErrors", errorWords.shown(e));
            return status(site, token, model, response);
        } catch (RateLimitedException e) {
            tooMany(response, e.retryAfterSeconds());
            model.addAttribute("codeErrors", errorWords.shown(List.of(e.error())));
            return status(site, token, model, response);
        }
    }

    /** The page still shows why, and says when to come back as the API does. */
    private static void tooMany(HttpServletResponse response, long retryAfterSeconds) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    /** Corrections arrive as numbered pairs of a field and its correct value. */
    private static Map<String, String> changes(MultiValueMap<String, String> form) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String field = form.getFirst("field" + i);
            String value = form.getFirst("value" + i);
            if (field != null && !field.isBlank()) {
                changes.put(field, value == null ? "" : value);
            }
        }
        return changes;
    }
}
