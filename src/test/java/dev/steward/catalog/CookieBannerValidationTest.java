package dev.steward.catalog;

import static dev.steward.test.CatalogFixtures.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A cookie banner must ask about exactly the cookies the catalog declares, in every language the site declares, and
 * as the law asks; each mistake is reported at its place.
 */
class CookieBannerValidationTest {

    static final String FILE = "src/test/resources/catalogs/cookie-banner/mistakes.yml";
    static final String BANNER = "the cookie banner of site 'acme-shop'";

    @Test
    void everyMistakeOfABannerIsReportedAtItsPlace() {
        assertThat(problemsOf(FILE).stream().map(CatalogProblem::toString).toList())
                .containsExactly(
                        FILE + ":88:15: cookie 'language' is in category 'preferences', which " + BANNER
                                + " does not describe: add it to the banner's categories",
                        FILE + ":92:19: " + BANNER + " keeps the choice in cookie 'receipt', which the site does not"
                                + " declare: declare it under cookies, strictly necessary",
                        FILE + ":94:7: " + BANNER + " is missing text 'save'",
                        FILE + ":94:14: " + BANNER + ": text 'title' has no 'de' version, and the site declares that"
                                + " language",
                        FILE + ":104:11: " + BANNER + " gives a rule for jurisdiction 'JP', which the site does not"
                                + " serve",
                        FILE + ":106:7: " + BANNER + ": site 'acme-shop' sells personal data, so the banner must"
                                + " offer \"Do not sell or share\": mark the categories whose cookies sell or share it"
                                + " soldOrShared",
                        FILE + ":113:24: " + BANNER + ", category 'analytics' may not be opt-out in EU: where GDPR"
                                + " and the ePrivacy Directive apply, cookies that are not strictly necessary need"
                                + " consent first (Art. 5(3) ePrivacy Directive); use opt-in",
                        FILE + ":118:18: " + BANNER + ", category 'advertising' asks for consent in EU, but purpose"
                                + " 'ads' rests on gdpr-6-1-f there: give the purpose consent as its legal basis",
                        FILE + ":119:23: unknown Consent Mode type 'ads_storage'; expected one of: ad_storage,"
                                + " ad_user_data, ad_personalization, analytics_storage, functionality_storage,"
                                + " personalization_storage, security_storage");
    }

    @Test
    void theDemoBannersAreValidAndFollowTheRegimes() {
        Catalog olympus = Catalogs.read("examples/olympus-2018");
        CookieBanner banner = olympus.cookieBannerOf("olympus-ims").orElseThrow();
        CookieBanner.Category advertising =
                banner.category(Cookie.Category.ADVERTISING).orElseThrow();

        assertThat(banner.modelOf(advertising, olympus.jurisdiction("EU").orElseThrow()))
                .isEqualTo(CookieBanner.ConsentModel.OPT_IN);
        assertThat(banner.modelOf(advertising, olympus.jurisdiction("US").orElseThrow()))
                .isEqualTo(CookieBanner.ConsentModel.OPT_OUT);
        assertThat(banner.expiry()).isEqualTo(CookieBanner.DEFAULT_EXPIRY);
        assertThat(Catalogs.read("examples/omron-2012").cookieBannerOf("omron-healthcare"))
                .isPresent();
        assertThat(Catalogs.read("examples/olympus-2017").cookieBannerOf("olympus-ims"))
                .isEmpty();
    }
}
