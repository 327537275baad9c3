package dev.steward.rights;

import dev.steward.accounts.SignedInVisitors;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LocalizedText.Shown;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.Markdown;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.ShownError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The privacy center's pages in the visitor's language: an index of the rights the visitor's region grants, and one
 * page per right with its text, its legal citation and either its request form or the answer it needs no request for.
 */
@Component
class RightPages {

    /** Rights answered on their page by the notice's statement or the authority's address, without a request. */
    private static final List<RightType> DIRECT = List.of(RightType.AUTOMATED_DECISIONS, RightType.COMPLAINT);

    private final PrivacyCenter center;
    private final Catalogs catalogs;
    private final Markdown markdown;
    private final SignedInVisitors visitors;
    private final VerifiedAddresses addresses;

    RightPages(
            PrivacyCenter center,
            Catalogs catalogs,
            Markdown markdown,
            SignedInVisitors visitors,
            VerifiedAddresses addresses) {
        this.center = center;
        this.catalogs = catalogs;
        this.markdown = markdown;
        this.visitors = visitors;
        this.addresses = addresses;
    }

    /**
     * One right as the index lists it and its page shows it, in the visitor's language; {@code answer} for a right
     * answered on its page, without a request.
     */
    record RightForm(
            String type,
            Shown title,
            @Nullable String article,
            String html,
            @Nullable String htmlLang,
            Map<String, Shown> grounds,
            @Nullable String answer,
            @Nullable String answerWebsite) {}

    /** A failed submission shown again on its right's page. */
    record Failed(List<ShownError> errors, Map<String, String> values) {}

    String index(String siteKey, @Nullable String region, Model model, HttpServletRequest http) {
        Jurisdiction jurisdiction = common(siteKey, region, model, http);
        model.addAttribute("rights", rights(siteKey, jurisdiction));
        model.addAttribute("here", "/s/" + siteKey + "/privacy-center/rights");
        return "privacy-center/center";
    }

    String right(
            String siteKey,
            @Nullable String region,
            @Nullable String type,
            @Nullable Failed failed,
            Model model,
            HttpServletRequest http) {
        Jurisdiction jurisdiction = common(siteKey, region, model, http);
        RightForm right = rights(siteKey, jurisdiction).stream()
                .filter(form -> form.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("This right cannot be requested here in this region."));
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        String language = VisitorLanguages.of(site);
        model.addAttribute("right", right);
        model.addAttribute("here", "/s/" + siteKey + "/privacy-center/rights/" + right.type());
        model.addAttribute(
                "purposes", purposes(catalog, site, jurisdiction, right.type().equals("withdraw-consent"), language));
        model.addAttribute("fields", fields(catalog, site, language));
        model.addAttribute("errors", failed == null ? List.of() : failed.errors());
        String proven = addresses.on(siteKey, http).orElse(null);
        model.addAttribute("proven", proven);
        model.addAttribute(
                "email",
                failed == null
                        ? (proven == null ? "" : proven)
                        : failed.values().getOrDefault("email", ""));
        return "privacy-center/right";
    }

    private Jurisdiction common(String siteKey, @Nullable String region, Model model, HttpServletRequest http) {
        Catalog catalog = catalogs.of(siteKey);
        Site site = catalog.site(siteKey).orElseThrow();
        Jurisdiction jurisdiction = center.jurisdiction(catalog, site, region);
        String language = VisitorLanguages.of(site);
        Map<String, Shown> regions = new LinkedHashMap<>();
        site.jurisdictions()
                .forEach(key -> regions.put(
                        key, catalog.jurisdiction(key).orElseThrow().name().shownIn(language)));
        model.addAttribute("site", site);
        model.addAttribute("siteName", site.name().in(language));
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("regions", regions);
        model.addAttribute("regionName", jurisdiction.name().shownIn(language));
        model.addAttribute("account", visitors.on(siteKey, http).orElse(null));
        return jurisdiction;
    }

    private List<RightForm> rights(String siteKey, Jurisdiction jurisdiction) {
        Site site = catalogs.requireSite(siteKey);
        String language = VisitorLanguages.of(site);
        return jurisdiction.rights().stream()
                .map(right -> {
                    Map<String, Shown> grounds = new LinkedHashMap<>();
                    right.grounds()
                            .forEach(ground ->
                                    grounds.put(ground.key(), ground.text().shownIn(language)));
                    Shown text = right.text().shownIn(language);
                    Optional<PrivacyCenter.DirectAnswer> direct = DIRECT.contains(right.type())
                            ? center.directAnswer(siteKey, jurisdiction.key(), right.type())
                            : Optional.empty();
                    // the authority's website is linked below its address, where it was text to copy
                    String answer = DIRECT.contains(right.type())
                            ? direct.map(PrivacyCenter.DirectAnswer::answerBeforeWebsite)
                                    .orElse("")
                            : null;
                    return new RightForm(
                            right.type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            right.title().shownIn(language),
                            right.article(),
                            markdown.html(text.text()),
                            text.lang(),
                            grounds,
                            answer,
                            direct.map(PrivacyCenter.DirectAnswer::website).orElse(null));
                })
                .toList();
    }

    /** The purposes a withdrawal (or an objection) can concern, by key, named in the visitor's language. */
    private static Map<String, Shown> purposes(
            Catalog catalog, Site site, Jurisdiction jurisdiction, boolean consent, String language) {
        Map<String, Shown> purposes = new LinkedHashMap<>();
        RequestValidator.purposesFor(catalog, site, jurisdiction, consent)
                .forEach(purpose -> purposes.put(purpose.key(), purpose.name().shownIn(language)));
        return purposes;
    }

    /** The fields a requester can correct, by key, labelled in the visitor's language. */
    private static Map<String, Shown> fields(Catalog catalog, Site site, String language) {
        Map<String, Shown> fields = new LinkedHashMap<>();
        catalog.activitiesOf(site.key()).stream()
                .flatMap(activity -> activity.fields().stream())
                .map(collected -> catalog.field(collected.field()).orElseThrow())
                .filter(field -> field.type().isTypedByVisitor()
                        && field.type() != DataCategory.FieldType.PASSWORD
                        && field.type() != DataCategory.FieldType.CARD_TOKEN)
                .forEach(field -> fields.putIfAbsent(field.key(), field.label().shownIn(language)));
        return fields;
    }
}
