package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Every country gets the notice of the jurisdiction the catalog says serves it: the GDPR one for the EEA and the
 * United Kingdom, Japan's for Japan, and for everyone else the one the site names ("United States and other
 * countries" at Olympus).
 */
class RegionsTest {

    private static final Catalog OLYMPUS = Catalogs.read("examples/olympus-2018");
    private static final Catalog OMRON = Catalogs.read("examples/omron-2012");

    @ParameterizedTest(name = "{0} at Olympus → {1}")
    @CsvSource({
        "DE, EU", "FR, EU", "NL, EU", "IE, EU", "NO, EU", "IS, EU", "LI, EU", "GB, EU", "gb, EU", "JP, JP", "US, US",
        "BR, US", "CA, US", "CH, US", "AU, US", "CN, US", "IN, US", "ZA, US", "KR, US", "MX, US"
    })
    void aCountryHeaderPicksTheJurisdictionServingIt(String country, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("CF-IPCountry", country);

        assertThat(Regions.resolve(OLYMPUS, OLYMPUS.site("olympus-ims").orElseThrow(), null, request))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "Accept-Language {0} → {1}")
    @CsvSource({"en-GB, EU", "pt-BR, US", "de-CH, US", "fr-FR, EU", "ja-JP, JP", "en-US, US", "en, JP"})
    void withoutACountryTheBrowsersLanguagesDecideAndOtherwiseTheSitesDefault(String languages, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", languages);
        request.setPreferredLocales(java.util.List.of(java.util.Locale.forLanguageTag(languages)));

        assertThat(Regions.resolve(OLYMPUS, OLYMPUS.site("olympus-ims").orElseThrow(), null, request))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at Omron → US")
    @CsvSource({"DE", "GB", "JP", "BR", "US"})
    void aSiteWithOneJurisdictionServesEveryoneByIt(String country) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Country-Code", country);

        assertThat(Regions.resolve(OMRON, OMRON.site("omron-healthcare").orElseThrow(), null, request))
                .isEqualTo("US");
    }

    @ParameterizedTest(name = "an unknown country code {0} is ignored")
    @CsvSource({"XX", "T1", "'  '"})
    void anUnknownCountryIsIgnored(String country) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("CF-IPCountry", country);

        assertThat(Regions.resolve(OLYMPUS, OLYMPUS.site("olympus-ims").orElseThrow(), null, request))
                .isEqualTo("JP");
    }
}
