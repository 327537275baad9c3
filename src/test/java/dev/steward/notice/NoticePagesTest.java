package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@StewardTest
class NoticePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** The region switch names each region as the catalog does; it showed the keys ("JP EU US"). */
    @Test
    void theRegionSwitchNamesTheRegions() {
        String eu = http.get("/s/olympus-ims/privacy?region=EU").body();

        assertThat(eu)
                .containsPattern("href=\"/s/olympus-ims/privacy\\?region=JP\"[^>]*>Japan</a>")
                .containsPattern("href=\"/s/olympus-ims/privacy\\?region=EU\"[^>]*>European Union</a>")
                .doesNotContainPattern(">(JP|EU|US)</a>");
    }

    @Test
    void healthIsUpOnceTheCatalogIsPublished() {
        HttpResponse<String> health = http.get("/actuator/health", Http.basic("admin", StewardTest.ADMIN_PASSWORD));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"catalog\"").contains("\"status\":\"UP\"");
    }

    @Test
    void homeListsBothDemoSitesAndEachSitePageLinksItsFormsAndNotice() {
        assertThat(http.get("/").body()).contains("Olympus IMS").contains("Omronhealthcare.com");

        String site = http.get("/s/olympus-ims/").body();
        assertThat(site)
                .contains("/s/olympus-ims/forms/contact")
                .contains("/s/olympus-ims/forms/software-download")
                .contains("/s/olympus-ims/privacy")
                .contains("/s/olympus-ims/cookies")
                .contains("/s/olympus-ims/privacy-center");
    }

    @Test
    void theRegionDecidesWhichRightsAndLegalBasesTheNoticeStates() {
        String eu = http.get("/s/olympus-ims/privacy?region=EU").body();
        String jp = http.get("/s/olympus-ims/privacy?region=JP").body();

        assertThat(eu)
                .contains("Article 17 GDPR")
                .contains("Art. 6(1)(a) GDPR")
                .contains("Transfer of personal data to third countries");
        assertThat(jp)
                .contains("Japanese Personal Information Protection Law")
                .doesNotContain("Article 17 GDPR")
                .doesNotContain("Transfer of personal data to third countries");
    }

    @Test
    void theRegionIsDetectedFromTheCountryOrLanguageWhenNotGiven() {
        assertThat(http.get("/s/olympus-ims/privacy", "CF-IPCountry", "DE").body())
                .contains("(shown: <strong>European Union");
        assertThat(http.get("/s/olympus-ims/privacy", "Accept-Language", "fr-FR,fr;q=0.9")
                        .body())
                .contains("(shown: <strong>European Union");
        assertThat(http.get("/s/olympus-ims/privacy").body()).contains("(shown: <strong>Japan");
    }

    @Test
    void anUnknownSiteIsNotFoundAndAnUnknownRegionIsRefusedNamingTheRegionsThereAre() {
        assertThat(http.get("/s/nowhere/privacy").statusCode()).isEqualTo(404);
        HttpResponse<String> json = http.get("/s/nowhere/privacy.json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"code\":\"not-found\"");

        for (String page :
                new String[] {"/s/olympus-ims/privacy", "/s/olympus-ims/cookies", "/s/olympus-ims/privacy-center/rights"
                }) {
            HttpResponse<String> region = http.get(page + "?region=BR");
            assertThat(region.statusCode()).as(page).isEqualTo(400);
            assertThat(region.body())
                    .as(page)
                    .contains(
                            "Choose one of the regions this site serves: Japan, European Union, United States and other countries.")
                    .doesNotContain("JP, EU");
        }
        HttpResponse<String> data = http.get("/s/olympus-ims/privacy.json?region=BR");
        assertThat(data.statusCode()).isEqualTo(422);
        assertThat(data.body())
                .contains("{\"field\":\"region\",\"code\":\"invalid-option\"")
                .contains(
                        "Choose one of the regions this site serves: Japan, European Union, United States and other countries.");
        assertThat(http.get("/s/olympus-ims/privacy?region=%20eu%20").statusCode())
                .isEqualTo(200);
    }

    /**
     * The refusal of a region links each region the site serves, on the same page with the rest of its address, so the
     * visitor goes on with a click; it only named them. Names the catalog has only in English are marked so on a
     * German page. The JSON answer stays the field error.
     */
    @Test
    void anUnknownRegionsPageLinksTheRegionsThereAre() {
        HttpResponse<String> refused = http.get("/s/olympus-ims/privacy?lang=de&region=BR", "Accept-Language", "de");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("<a href=\"/s/olympus-ims/privacy?lang=de&amp;region=JP\" lang=\"en\">Japan</a>")
                .contains("<a href=\"/s/olympus-ims/privacy?lang=de&amp;region=EU\" lang=\"en\">European Union</a>")
                .contains("<a href=\"/s/olympus-ims/privacy?lang=de&amp;region=US\" lang=\"en\">"
                        + "United States and other countries</a>")
                .contains("aria-label=\"Was diese Seite zur Wahl anbietet\"")
                .doesNotContain("region=BR");
        assertThat(http.get("/s/olympus-ims/privacy?lang=de&region=EU", "Accept-Language", "de")
                        .statusCode())
                .as("the link leads to the notice")
                .isEqualTo(200);

        Http english = new Http(port);
        assertThat(english.get("/s/olympus-ims/privacy-center/rights?region=%3Cb%3E")
                        .body())
                .as("another page links itself")
                .contains("<a href=\"/s/olympus-ims/privacy-center/rights?region=JP\">Japan</a>")
                .doesNotContain("<b>");
        assertThat(english.get("/s/olympus-ims/cookies?region=XX").body())
                .contains("<a href=\"/s/olympus-ims/cookies?region=EU\">European Union</a>");
        assertThat(english.get("/s/olympus-ims/privacy.json?region=BR").body()).doesNotContain("href");
        assertThat(english.get("/s/olympus-ims/forms/nothing").body())
                .as("other error pages offer no choices")
                .doesNotContain("class=\"choices\"");
    }

    @Test
    void historyListsBothOlympusEditionsAndEachRendersAsPublished() {
        String history = http.get("/s/olympus-ims/privacy/history").body();
        assertThat(history)
                .contains("/s/olympus-ims/privacy/v/2018-04-03")
                .contains("/s/olympus-ims/privacy/v/2017-06-06")
                .contains("(in force)");

        String edition2017 = http.get("/s/olympus-ims/privacy/v/2017-06-06").body();
        assertThat(edition2017).contains("Version <strong>2017-06-06</strong>").doesNotContain("Article 17 GDPR");
        String edition2017ForEu =
                http.get("/s/olympus-ims/privacy/v/2017-06-06?region=EU").body();
        assertThat(edition2017ForEu).isEqualTo(edition2017);
    }

    @Test
    void theDiffShowsWhatTheGdprEditionAdded() {
        String diff = http.get("/api/v1/sites/olympus-ims/notice/diff?from=2017-06-06&to=2018-04-03")
                .body();

        assertThat(diff)
                .contains("{\"category\":\"activities\",\"key\":\"contact-form\",\"kind\":\"added\"")
                .contains("{\"category\":\"recipients\",\"key\":\"aspire\",\"kind\":\"added\"")
                .contains("{\"category\":\"transfers\",\"key\":\"aspire\",\"kind\":\"added\"")
                .contains("{\"category\":\"cookies\",\"key\":\"newsletter-pixel\",\"kind\":\"added\"")
                .contains("{\"category\":\"activities\",\"key\":\"inquiries\",\"kind\":\"removed\"");
        assertThat(http.get("/s/olympus-ims/privacy/diff?from=2017-06-06&to=2018-04-03")
                        .body())
                .contains("We now transfer personal data to Aspire")
                .contains("We no longer ask for: ");
    }

    /**
     * Two fields with one label (the contact form's "City" and the log files' "City") are told apart by their data
     * category: the diff said "We now ask for your City." twice. A label no other field has stays as it is. A field
     * recorded without asking (log files, newsletter tracking) is said to be recorded: the diff said "We now ask for
     * your If and when you read our newsletters."
     */
    @Test
    void theDiffTellsApartTwoFieldsOfOneLabelAndAsksOnlyForWhatIsAskedFor() {
        String path = "/s/olympus-ims/privacy/diff?from=2017-06-06&to=2018-04-03";

        assertThat(http.get(path).body())
                .contains("We now ask for: City (Contact details).")
                .contains("We now record: City (Log-file data).")
                .contains("We now ask for: Zip.")
                .contains("We now record: If and when you read our newsletters.")
                .contains("We no longer ask for: Your inquiry or request.")
                .doesNotContain("City.")
                .doesNotContain("ask for your");
        assertThat(http.get(path, "Accept-Language", "de").body())
                .contains("Wir fragen jetzt nach: City (Contact details).")
                .contains("Wir erfassen jetzt: City (Log-file data).");
    }

    /**
     * The law's citations, the transfers' safeguards and the countries are words of Steward's, in the reader's
     * language: a German EU notice cited "Art. 6(1)(f) GDPR" and named "United States", a Japanese Omron notice gave
     * "Notice at collection" as every purpose's basis. The English notice, and the facts a published version is held
     * to ({@code privacy.json}), keep the code's words.
     */
    @Test
    void citationsAndCountriesAreInTheReadersLanguage() {
        String german = http.get("/s/olympus-ims/privacy?region=EU", "Accept-Language", "de")
                .body();
        assertThat(german)
                .contains("Art. 6 Abs. 1 lit. f DSGVO (berechtigte Interessen)")
                .contains("Art. 6 Abs. 1 lit. f DSGVO: berechtigte Interessen")
                .contains("<td>Vereinigte Staaten</td><td>Ausdrückliche Einwilligung, Art. 49 DSGVO</td>")
                .contains("Standardvertragsklauseln, Art. 46 Abs. 2 lit. c DSGVO")
                .contains("gespeichert in: Vereinigte Staaten, Tschechien.")
                .contains("<td>Europäische Union</td>")
                .doesNotContain("6(1)(f) GDPR")
                .doesNotContain("United States</td>")
                .doesNotContain("Czechia");

        String english = http.get("/s/olympus-ims/privacy?region=EU").body();
        assertThat(english)
                .contains("Art. 6(1)(f) GDPR (legitimate interests)")
                .contains("<td>United States</td><td>Explicit consent, Art. 49 GDPR</td>")
                .contains("located in: United States, Czechia.");

        String japanese =
                http.get("/s/omron-healthcare/privacy", "Accept-Language", "ja").body();
        assertThat(japanese).contains("収集時の通知 (このポリシーに記載した利用)").doesNotContain("Notice at collection");

        assertThat(http.get("/s/olympus-ims/privacy.json?region=EU", "Accept-Language", "de")
                        .body())
                .as("the facts keep the code's words")
                .contains("\"citation\":\"Art. 6(1)(f) GDPR\"");
    }

    @Test
    void publishedVersionsCannotBeChangedOrDeleted() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE notice_version SET effective = '2000-01-01'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("notice_version is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM notice_rendition").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("notice_rendition is append-only: DELETE refused");
    }

    @Test
    void sitesApiDescribesFormsForIntegrators() {
        String sites = http.get("/api/v1/sites").body();

        assertThat(sites)
                .contains("{\"key\":\"contact\",\"activity\":\"contact-form\"")
                .contains("{\"key\":\"city\",\"type\":\"text\",\"label\":\"City\",\"required\":false")
                .contains("{\"key\":\"email\",\"type\":\"email\",\"label\":\"E-mail\",\"required\":true")
                .contains("{\"purpose\":\"product-announcements\",\"required\":false");
    }

    @Test
    void recordsOfProcessingNeedStaffCredentials() {
        assertThat(http.get("/api/v1/admin/ropa").statusCode()).isEqualTo(401);
        HttpResponse<String> csv =
                http.get("/api/v1/admin/ropa?format=csv", Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("site,activity,activityName,controller")
                .contains("\"olympus-ims\",\"contact-form\"")
                .contains("United States: Aspire — Explicit consent, Art. 49 GDPR");
        HttpResponse<String> xml =
                http.get("/api/v1/admin/ropa?format=xml", Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(xml.statusCode()).isEqualTo(422);
        assertThat(xml.body()).contains("{\"field\":\"format\",\"code\":\"invalid\"");
    }

    @Test
    void aSignedInMemberDownloadsTheRecordsOfProcessingFromTheConsolePage() {
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = console.get("/admin/ropa").body();
        assertThat(page).contains("href=\"/admin/ropa/download?format=csv\"");

        HttpResponse<String> csv = console.get("/admin/ropa/download?format=csv");
        HttpResponse<String> json = console.get("/admin/ropa/download?format=json");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("site,activity,activityName,controller");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"olympus-ims\"");
    }

    @Test
    void theConsoleRedirectsToSignIn() {
        HttpResponse<String> console = http.get("/admin");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
