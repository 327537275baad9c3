package dev.steward.rights;

import dev.steward.accounts.SignedInVisitors;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Markdown;
import dev.steward.vault.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy center's pages: every right of the visitor's region, its request form, and each request's page. */
@Controller
class PrivacyCenterController {

    private final PrivacyCenter center;
    private final Catalogs catalogs;
    private final Markdown markdown;
    private final VisitorRegions regions;
    private final SignedInVisitors visitors;

    PrivacyCenterController(
            PrivacyCenter center,
            Catalogs catalogs,
            Markdown markdown,
            VisitorRegions regions,
            SignedInVisitors visitors) {
        this.center = center;
        this.catalogs = catalogs;
        this.markdown = markdown;
        this.regions = regions;
        this.visitors = visitors;
    }

    /** One right as its request form shows it, in the site's language. */
    record RightForm(String type, String title, @Nullable String article, String html, Map<String, String> grounds) {

        static RightForm of(Jurisdiction.Right right, String language, Markdown markdown) {
            Map<String, String> grounds = new LinkedHashMap<>();
            right.grounds()
                    .forEach(ground -> grounds.put(ground.key(), ground.text().in(language)));
            return new RightForm(
                    right.type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    right.title().in(language),
                    right.article(),
                    markdown.html(right.text().in(language)),
                    grounds);
        }
    }

    @GetMapping("/s/{site}/privacy-center")
    String page(
            @PathVariable String site,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            HttpServletRequest http) {
        return show(site, regions.resolve(site, region, http), model, null, List.of(), Map.of(), http);
    }

    @PostMapping("/s/{site}/privacy-center/requests")
    String submit(
            @PathVariable String site,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest http) {
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
            PrivacyCenter.Submitted submitted = center.submit(site, request, account);
            return "redirect:/s/" + site + "/privacy-center/requests/" + submitted.statusToken()
                    + (submitted.status() == RequestStatus.AWAITING_VERIFICATION ? "?submitted" : "");
        } catch (InvalidInputException e) {
            return show(site, request.region(), model, request.type(), e.errors(), form.toSingleValueMap(), http);
        }
    }

    @GetMapping("/s/{site}/privacy-center/requests/{token}")
    String status(@PathVariable String site, @PathVariable String token, Model model) {
        PrivacyCenter.View view = center.view(token);
        if (!view.request().site().equals(site)) {
            throw new dev.steward.platform.NotFoundException("There is no request at this address.");
        }
        model.addAttribute("site", catalogs.requireSite(site));
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        return "privacy-center/status";
    }

    @PostMapping("/s/{site}/privacy-center/requests/{token}/verify")
    String verifyCode(@PathVariable String site, @PathVariable String token, @RequestParam String code, Model model) {
        try {
            center.verifyCode(token, code);
            return "redirect:/s/" + site + "/privacy-center/requests/" + token;
        } catch (InvalidInputException e) {
            model.addAttribute("codeErrors", e.errors());
            return status(site, token, model);
        }
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

    private String show(
            String siteKey,
            @Nullable String region,
            Model model,
            @Nullable String failedType,
            List<FieldError> errors,
            Map<String, String> values,
            HttpServletRequest http) {
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        Jurisdiction jurisdiction = center.jurisdiction(catalog, site, region);
        List<PrivacyCenter.DirectAnswer> answers = new ArrayList<>();
        for (RightType direct : List.of(RightType.AUTOMATED_DECISIONS, RightType.COMPLAINT)) {
            center.directAnswer(siteKey, jurisdiction.key(), direct).ifPresent(answers::add);
        }
        model.addAttribute("site", site);
        model.addAttribute("siteName", site.name().in(VisitorLanguages.of(site)));
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("regions", site.jurisdictions());
        model.addAttribute(
                "rights",
                jurisdiction.rights().stream()
                        .filter(right ->
                                right.type() != RightType.AUTOMATED_DECISIONS && right.type() != RightType.COMPLAINT)
                        .map(right -> RightForm.of(right, VisitorLanguages.of(site), markdown))
                        .toList());
        model.addAttribute("answers", answers);
        model.addAttribute("regionName", jurisdiction.name().in(VisitorLanguages.of(site)));
        model.addAttribute("withdrawable", purposes(catalog, site, jurisdiction, true));
        model.addAttribute("objectable", purposes(catalog, site, jurisdiction, false));
        model.addAttribute("fields", fields(catalog, site));
        model.addAttribute("failedType", failedType);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("account", visitors.on(siteKey, http).orElse(null));
        return "privacy-center/center";
    }

    /** The purposes a withdrawal (or an objection) can concern, by key, named in the site's language. */
    private static Map<String, String> purposes(
            Catalog catalog, Site site, Jurisdiction jurisdiction, boolean consent) {
        Map<String, String> purposes = new LinkedHashMap<>();
        RequestValidator.purposesFor(catalog, site, jurisdiction, consent)
                .forEach(purpose -> purposes.put(purpose.key(), purpose.name().in(VisitorLanguages.of(site))));
        return purposes;
    }

    /** The fields a requester can correct, by key, labelled in the site's language. */
    private static Map<String, String> fields(Catalog catalog, Site site) {
        Map<String, String> fields = new LinkedHashMap<>();
        catalog.activitiesOf(site.key()).stream()
                .flatMap(activity -> activity.fields().stream())
                .map(collected -> catalog.field(collected.field()).orElseThrow())
                .filter(field -> field.type().isTypedByVisitor()
                        && field.type() != DataCategory.FieldType.PASSWORD
                        && field.type() != DataCategory.FieldType.CARD_TOKEN)
                .forEach(field -> fields.putIfAbsent(field.key(), field.label().in(VisitorLanguages.of(site))));
        return fields;
    }
}
