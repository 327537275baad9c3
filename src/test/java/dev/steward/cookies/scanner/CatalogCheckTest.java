package dev.steward.cookies.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.cookies.scanner.Crawl.SeenCookie;
import dev.steward.cookies.scanner.ScanReport.Finding;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The comparison with the catalog without a browser: durations, categories before consent and after refusal, and a
 * broken Open Cookie Database reported as file:line:column.
 */
class CatalogCheckTest {

    static final Catalog CATALOG = Catalogs.read("classpath:catalogs/scan-lab");
    static final Site SITE = CATALOG.site("scan-lab").orElseThrow();
    static final ScanTarget TARGET = new ScanTarget(
            SITE,
            CATALOG,
            CATALOG.jurisdiction("EU").orElseThrow(),
            CATALOG.cookieBannerOf("scan-lab").orElseThrow(),
            URI.create("https://scan-lab.example/"),
            List.of(),
            5);
    static final CookieDatabase DATABASE = new CookieDatabase(new ScannerSettings(
            Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/node"),
            20,
            200,
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            null,
            Duration.ofMinutes(1)));

    @Test
    void aCookieKeptLongerThanDeclaredOrUsedBeforeConsentOrAfterRefusalViolatesTheCatalog() {
        Map<String, List<String>> codes = codes(List.of(
                cookie("lab_cart", 3L * 86_400, Moment.AFTER_ACCEPTING),
                cookie("scan_consent", 180L * 86_400, Moment.AFTER_REJECTING),
                cookie("lab_stats", 30L * 86_400, Moment.BEFORE_CHOICE, Moment.AFTER_REJECTING)));

        assertThat(codes)
                .containsEntry("lab_cart", List.of("longer-than-declared"))
                .containsEntry("scan_consent", List.of())
                .containsEntry("lab_stats", List.of("before-consent", "after-refusal"));
    }

    @Test
    void aDeclaredCookieUsedOnlyAfterConsentAndWithinItsDurationIsClean() {
        Map<String, List<String>> codes = codes(List.of(
                cookie("lab_cart", null, Moment.BEFORE_CHOICE),
                cookie("lab_stats", 365L * 86_400, Moment.AFTER_ACCEPTING)));

        assertThat(codes)
                .containsEntry("lab_cart", List.of())
                .containsEntry("lab_stats", List.of())
                .containsEntry("scan_consent", List.of("never-seen"));
    }

    @Test
    void theCatalogsWordsForDurationsAreRead() {
        assertThat(Lifetime.read("12 months")).contains(new Lifetime(372L * 86_400));
        assertThat(Lifetime.read("P1Y")).contains(new Lifetime(372L * 86_400));
        assertThat(Lifetime.read("Session")).contains(Lifetime.SESSION_ONLY);
        assertThat(Lifetime.read("until you log out")).isEmpty();
        assertThat(new Lifetime(365L * 86_400).words()).isEqualTo("1 year");
    }

    @Test
    void aBrokenCookieDatabaseIsReportedAsFileLineColumn() {
        String csv = "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,"
                + "User Privacy & GDPR Rights Portals,Wildcard match\n"
                + "1,Google Analytics,Analytics,_ga,,ID,2 years,Google,https://example.org,0\n"
                + "2,Broken,Analytics\n";

        assertThatThrownBy(() -> CookieDatabase.read(new BufferedReader(new StringReader(csv)), "ocd.csv"))
                .isInstanceOf(InvalidCookieDatabaseException.class)
                .hasMessage("ocd.csv:3:19: 10 values expected, 3 found");
        assertThatThrownBy(() -> CookieDatabase.read(new BufferedReader(new StringReader("ID,Platform\n")), "ocd.csv"))
                .hasMessage("ocd.csv:1:1: the column 'Category' is missing from the header");
    }

    private static Map<String, List<String>> codes(List<SeenCookie> cookies) {
        Crawl crawl = new Crawl(List.of(), cookies, List.of(), List.of(), null, List.of());
        return new CatalogCheck(TARGET, DATABASE)
                .findings(crawl).stream()
                        .collect(Collectors.toMap(
                                Finding::name,
                                finding -> finding.problems().stream()
                                        .map(Problem::code)
                                        .toList()));
    }

    private static SeenCookie cookie(String name, Long lifetimeSeconds, Moment... moments) {
        return new SeenCookie(
                name,
                "scan-lab.example",
                "/",
                lifetimeSeconds,
                false,
                null,
                "https://scan-lab.example/",
                Set.of(moments));
    }
}
