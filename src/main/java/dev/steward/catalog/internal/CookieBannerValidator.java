package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.CookieBanner.Category;
import dev.steward.catalog.CookieBanner.ConsentModel;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Regime;
import dev.steward.catalog.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a cookie banner asks about exactly what the catalog declares and as the law asks: every category of the
 * site's cookies is described, nothing that is not strictly necessary runs before consent where GDPR applies, consent
 * to a category is recorded under a purpose that rests on consent where the banner asks for it, a site that sells
 * personal data offers "Do not sell or share", and every text exists in every language the site declares.
 */
final class CookieBannerValidator {

    private final Catalog catalog;
    private final SourceMap sources;
    private final CatalogChecks checks;

    CookieBannerValidator(Catalog catalog, SourceMap sources, CatalogChecks checks) {
        this.catalog = catalog;
        this.sources = sources;
        this.checks = checks;
    }

    void validate() {
        List<CookieBanner> banners = catalog.content().cookieBanners();
        Map<String, CookieBanner> bySite = new HashMap<>();
        for (CookieBanner banner : banners) {
            if (banner.site() == null && catalog.sites().size() > 1) {
                report(banner, "", "a cookie banner must name its site: this catalog declares several sites");
                continue;
            }
            for (Site site : sitesOf(banner)) {
                CookieBanner first = bySite.putIfAbsent(site.key(), banner);
                if (first != null) {
                    report(
                            banner,
                            "",
                            "site '" + site.key() + "' has a second cookie banner (the first is at " + sources.of(first)
                                    + ")");
                } else {
                    new SiteBanner(site, banner).check();
                }
            }
        }
    }

    private List<Site> sitesOf(CookieBanner banner) {
        if (banner.site() == null) {
            return catalog.sites();
        }
        Optional<Site> site = catalog.site(banner.site());
        if (site.isEmpty()) {
            report(banner, "site", "cookie banner names unknown site '" + banner.site() + "'");
        }
        return site.stream().toList();
    }

    /** One banner as one site shows it. */
    private final class SiteBanner {

        private final Site site;
        private final CookieBanner banner;
        private final String name;

        SiteBanner(Site site, CookieBanner banner) {
            this.site = site;
            this.banner = banner;
            this.name = "the cookie banner of site '" + site.key() + "'";
        }

        void check() {
            checkChoiceCookie();
            checkCategoriesCoverCookies();
            checkJurisdictionKeys(banner.jurisdictions().keySet(), banner, "jurisdictions");
            if (banner.expiresAfter() != null && banner.expiresAfter().isZero()) {
                report(banner, "expiresAfter", name + ": expiresAfter must be longer than zero");
            }
            Map<String, Cookie.Category> consentModeOwners = new HashMap<>();
            for (int i = 0; i < banner.categories().size(); i++) {
                Category category = banner.categories().get(i);
                if (category.category() != null) {
                    checkCategory(category, "categories[" + i + "]");
                    checkConsentMode(category, consentModeOwners);
                }
            }
            checkSaleOrSharing();
            new CookieBannerTexts(site, banner, name, CookieBannerValidator.this::report).check();
        }

        private void checkChoiceCookie() {
            if (banner.choiceCookie() == null) {
                return;
            }
            Optional<Cookie> cookie = catalog.cookiesOf(site.key()).stream()
                    .filter(c -> banner.choiceCookie().equals(c.key()))
                    .findFirst();
            if (cookie.isEmpty()) {
                report(
                        banner,
                        "choiceCookie",
                        name + " keeps the choice in cookie '" + banner.choiceCookie()
                                + "', which the site does not declare: declare it under cookies, strictly necessary");
            } else if (cookie.get().category() != Cookie.Category.STRICTLY_NECESSARY
                    || cookie.get().kind() != Cookie.Kind.COOKIE
                    || cookie.get().name() == null
                    || !cookie.get().name().matches("[A-Za-z0-9_.-]{1,64}")) {
                report(
                        banner,
                        "choiceCookie",
                        name + " keeps the choice in cookie '" + banner.choiceCookie()
                                + "', which must be a strictly necessary cookie with a name of letters, digits, '_',"
                                + " '.' or '-'");
            }
        }

        private void checkCategoriesCoverCookies() {
            Set<Cookie.Category> described =
                    banner.categories().stream().map(Category::category).collect(Collectors.toCollection(HashSet::new));
            Set<Cookie.Category> used =
                    catalog.cookiesOf(site.key()).stream().map(Cookie::category).collect(Collectors.toSet());
            for (Cookie cookie : catalog.cookiesOf(site.key())) {
                if (cookie.category() != null && !described.contains(cookie.category())) {
                    report(
                            cookie,
                            "category",
                            "cookie '" + cookie.key() + "' is in category '" + Words.kebab(cookie.category())
                                    + "', which " + name + " does not describe: add it to the banner's categories");
                    described.add(cookie.category());
                }
            }
            Set<Cookie.Category> seen = new HashSet<>();
            for (int i = 0; i < banner.categories().size(); i++) {
                Cookie.Category category = banner.categories().get(i).category();
                if (category != null && !seen.add(category)) {
                    report(
                            banner,
                            "categories[" + i + "]",
                            name + " describes category '" + Words.kebab(category) + "' twice");
                } else if (category != null && !used.contains(category)) {
                    report(
                            banner,
                            "categories[" + i + "]",
                            name + " asks about category '" + Words.kebab(category)
                                    + "', but the site declares no cookie in it");
                }
            }
        }

        private void checkCategory(Category category, String path) {
            String label = name + ", category '" + Words.kebab(category.category()) + "'";
            checkJurisdictionKeys(category.consent().keySet(), category, "consent");
            if (category.necessary()) {
                if (category.purpose() != null
                        || category.soldOrShared()
                        || !category.consent().isEmpty()) {
                    report(
                            banner,
                            path,
                            label + ": strictly necessary cookies are always on; they take no purpose, consent rule"
                                    + " or soldOrShared");
                }
                return;
            }
            if (category.purpose() == null) {
                report(
                        banner,
                        path,
                        label + " needs a purpose: the consent ledger records choices about it under that purpose");
                return;
            }
            Optional<Purpose> purpose = catalog.purpose(category.purpose()).filter(p -> servedBySite(p.key()));
            if (purpose.isEmpty()) {
                report(
                        category,
                        "purpose",
                        label + " names purpose '" + category.purpose() + "', which no activity of the site serves");
                return;
            }
            for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
                checkModel(category, purpose.get(), jurisdiction, label);
            }
        }

        private void checkModel(Category category, Purpose purpose, Jurisdiction jurisdiction, String label) {
            ConsentModel model = banner.modelOf(category, jurisdiction);
            if (model == ConsentModel.OPT_OUT && jurisdiction.regime() == Regime.GDPR) {
                boolean own = category.consent().containsKey(jurisdiction.key());
                report(
                        own ? category : banner,
                        (own ? "consent." : "jurisdictions.") + jurisdiction.key(),
                        label + " may not be opt-out in " + jurisdiction.key()
                                + ": where GDPR and the ePrivacy Directive apply, cookies that are not strictly"
                                + " necessary need consent first (Art. 5(3) ePrivacy Directive); use opt-in");
            } else if (model == ConsentModel.OPT_IN && !purpose.needsConsentIn(jurisdiction.key())) {
                String basis = purpose.basesIn(jurisdiction.key()).isEmpty()
                        ? "no legal basis"
                        : purpose.basesIn(jurisdiction.key()).get(0).key();
                report(
                        category,
                        "purpose",
                        label + " asks for consent in " + jurisdiction.key() + ", but purpose '" + purpose.key()
                                + "' rests on " + basis + " there: give the purpose consent as its legal basis");
            }
        }

        private void checkConsentMode(Category category, Map<String, Cookie.Category> owners) {
            for (int i = 0; i < category.consentMode().size(); i++) {
                String type = category.consentMode().get(i);
                if (!CookieBanner.CONSENT_MODE_TYPES.contains(type)) {
                    report(
                            category,
                            "consentMode[" + i + "]",
                            "unknown Consent Mode type '" + type + "'; expected one of: "
                                    + String.join(", ", CookieBanner.CONSENT_MODE_TYPES));
                    continue;
                }
                Cookie.Category owner = owners.putIfAbsent(type, category.category());
                if (owner != null) {
                    report(
                            category,
                            "consentMode[" + i + "]",
                            "Consent Mode type '" + type + "' is already given by category '" + Words.kebab(owner)
                                    + "'; each type follows one category");
                }
            }
        }

        /** A US-regime site that sells personal data must let visitors say "Do not sell or share" (CCPA). */
        private void checkSaleOrSharing() {
            boolean servesUs = catalog.jurisdictionsOf(site).stream().anyMatch(j -> j.regime() == Regime.US);
            boolean offered = banner.categories().stream().anyMatch(Category::soldOrShared);
            if (Boolean.TRUE.equals(site.sellsPersonalData()) && servesUs && !offered) {
                report(
                        banner,
                        "categories",
                        name + ": site '" + site.key() + "' sells personal data, so the banner must offer \"Do not"
                                + " sell or share\": mark the categories whose cookies sell or share it soldOrShared");
            }
        }

        private void checkJurisdictionKeys(Set<String> keys, Object element, String path) {
            keys.stream()
                    .filter(key -> !site.jurisdictions().contains(key))
                    .forEach(key -> report(
                            element,
                            path + "." + key,
                            name + " gives a rule for jurisdiction '" + key + "', which the site does not serve"));
        }

        private boolean servedBySite(String purpose) {
            return catalog.activitiesOf(site.key()).stream()
                    .anyMatch(activity -> activity.purposes().contains(purpose));
        }
    }

    private void report(Object element, String path, String message) {
        checks.report(element, path, message);
    }
}
