package dev.steward.notice;

import static dev.steward.test.Pages.element;
import static dev.steward.test.Pages.rows;
import static dev.steward.test.Pages.text;
import static dev.steward.test.Pages.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001: the olympus-ims.com notice last modified 4/3/2018, with its European Union section. Each test states
 * facts of the seed and reads them from the notice Steward publishes as version 2018-04-03.
 */
@StewardTest
class OlympusGdprNoticeTest {

    @LocalServerPort
    int port;

    Http http;
    String eu;

    @BeforeEach
    void readTheEuNotice() {
        http = new Http(port);
        eu = http.get("/s/olympus-ims/privacy?region=EU").body();
    }

    @Test
    void namesTheControllerWithItsFullAddressAndPhone() {
        assertThat(textOf(eu, "aria-labelledby=\"controller\""))
                .containsSubsequence(
                        "Olympus Corporation",
                        "Shinjuku Monolith, 3-1 Nishi-Shinjuku 2-chome, Shinjuku-ku",
                        "Tokyo 163-0914",
                        "Japan",
                        "Phone: +81 3 3340 2111");
    }

    @Test
    void namesTheRepresentativeInTheUnionWithAddressPhoneAndFax() {
        assertThat(textOf(eu, "aria-labelledby=\"controller\""))
                .containsSubsequence(
                        "Representative of Controller or Processor in the Union",
                        "Olympus Europa SE & Co. KG",
                        "„OEKG“",
                        "Amsinckstrasse 63",
                        "20097 Hamburg",
                        "Germany",
                        "Phone: +49 40 23773-0",
                        "Fax: +49 40 233765",
                        "Representative of Controller or Processor in the Americas");
    }

    @Test
    void namesTheRepresentativeInTheAmericasWithAddressPhoneAndEmail() {
        assertThat(textOf(eu, "aria-labelledby=\"controller\""))
                .containsSubsequence(
                        "Representative of Controller or Processor in the Americas",
                        "Olympus America Inc.",
                        "3500 Corporate Parkway",
                        "Center Valley, PA 18034",
                        "United States",
                        "Phone: (484) 896-5000",
                        "E-mail: OCADataPrivacy@olympus.com");
    }

    @Test
    void logFilesListEveryFieldTheirLegitimateInterestAndDeletionAtSessionEnd() {
        assertThat(textOf(eu, "id=\"activity-site-log-files\""))
                .containsSubsequence(
                        "IP address",
                        "Browser type/version",
                        "Device",
                        "Operating system",
                        "Date and time of access",
                        "Country",
                        "City",
                        "Language")
                .contains("Art. 6(1)(f) GDPR")
                .contains("this data will be deleted after the respective session has ended")
                .contains("It is not used for marketing purposes.")
                .contains("not stored together with, or linked to, the personal data you submit");
    }

    @Test
    void softwareDownloadListsEveryFieldAndRestsOnConsent() {
        assertThat(textOf(eu, "id=\"activity-software-download\""))
                .containsSubsequence(formFields("Phone Number", "Zip", "Username", "Password"))
                .contains("Art. 6(1)(a) GDPR")
                .contains("The data will not be passed on to third parties.")
                .contains("You can revoke your consent to the processing of personal data at any time.");
    }

    @Test
    void contactFormListsEveryFieldWithCityAndMessageVoluntary() {
        assertThat(textOf(eu, "id=\"activity-contact-form\""))
                .containsSubsequence(formFields("Phone Number", "City (voluntary)", "Zip", "Message (voluntary)"))
                .contains("Art. 6(1)(a) GDPR")
                .contains("passed on to Olympus group companies or distributors inside of the EEA")
                .contains("This case occurs if the respective correspondence with you is terminated.");
        assertThat(textOf(eu, "id=\"activity-contact-form-misuse-prevention\""))
                .contains("prevent misuse of the contact form")
                .contains("Art. 6(1)(f) GDPR");
    }

    @Test
    void newsletterListsItsFieldsDoubleOptInBasesTrackingAndRetention() {
        assertThat(textOf(eu, "id=\"activity-newsletter\""))
                .containsSubsequence(formFields())
                .contains("double-opt-in procedure")
                .contains("promotional e-mails from Olympus Group Entities")
                .contains("Art. 6(1)(a) GDPR", "Art. 6(1)(b) GDPR", "Art. 6(1)(f) GDPR")
                .contains("The information is stored as long as you stay subscribed to the newsletter.")
                .contains("clicking on the link provided in each newsletter e-mail");
        assertThat(textOf(eu, "id=\"activity-newsletter-registration-evidence\""))
                .contains("IP address at registration", "Date of registration", "Date of confirmation");
        assertThat(textOf(eu, "id=\"activity-newsletter-evaluation\""))
                .contains("web beacons or tracking pixels")
                .contains("Individual ID", "If and when you read our newsletters", "Which links you clicked")
                .contains("pseudonymously");
    }

    @Test
    void statesEachLegalBasisTheSeedNames() {
        assertThat(textOf(eu, "aria-labelledby=\"purposes\""))
                .contains("Art. 6(1)(a) GDPR (your consent)")
                .contains("Art. 6(1)(b) GDPR (performance of a contract or pre-contractual measures)")
                .contains("Art. 6(1)(f) GDPR (legitimate interests)")
                .contains("Art. 49(1)(a) GDPR (explicit consent to the transfer)");
    }

    @Test
    void theTransferTableHasTheSeedsRows() {
        assertThat(rows(element(eu, "aria-labelledby=\"transfers\"")))
                .contains(
                        "Process Third party Third country Legal grounds",
                        "Hosting service Olympus Scientific Solutions Americas Corp. United States Explicit consent,"
                                + " Art. 49 GDPR",
                        "Hosting service Aspire United States Explicit consent, Art. 49 GDPR");
        JsonNode transfers = json("/s/olympus-ims/privacy.json?region=EU").get("transfers");
        assertThat(Json.rows(transfers, "thirdParty", "country", "legalGrounds"))
                .contains(
                        "Olympus Scientific Solutions Americas Corp. | United States | Explicit consent, Art. 49 GDPR",
                        "Aspire | United States | Explicit consent, Art. 49 GDPR");
    }

    @Test
    void grantsTheTenRightsOfTheUnionWithTheirArticles() {
        Map<String, String> articles = Map.of(
                "withdraw-consent", "Article 7 para. 3 GDPR",
                "access", "Article 15 GDPR",
                "rectification", "Article 16 GDPR",
                "erasure", "Article 17 GDPR",
                "restriction", "Article 18 GDPR",
                "notification", "Article 19 GDPR",
                "portability", "Article 20 GDPR",
                "automated-decisions", "Article 22 GDPR",
                "objection", "Article 21 GDPR",
                "complaint", "Article 77 GDPR");

        articles.forEach((right, article) ->
                assertThat(textOf(eu, "id=\"right-" + right + "\"")).contains("(" + article + ")"));
        assertThat(json("/s/olympus-ims/privacy.json?region=EU").get("rights").size())
                .isEqualTo(10);
    }

    @Test
    void listsTheGroundsForErasureAndTheCasesOfRestriction() {
        assertThat(textOf(eu, "id=\"right-erasure\""))
                .contains("no longer necessary for the purposes for which it was collected or otherwise processed")
                .contains("You withdraw your consent on which the processing was based")
                .contains("pursuant to Article 21 para. 1 GDPR for reasons arising from your particular situation")
                .contains("for direct marketing in accordance with Article 21 para. 2 GDPR")
                .contains("The data has been processed unlawfully.")
                .contains("necessary to fulfil a legal obligation under European or national law")
                .contains("information society services directly to a child");
        assertThat(textOf(eu, "id=\"right-restriction\""))
                .contains("You dispute the accuracy of your data")
                .contains("The processing is unlawful and you refuse to delete your data")
                .contains("you need them to assert, exercise or defend legal claims")
                .contains("You object to the processing pursuant to Article 21 para. 1 GDPR");
    }

    @Test
    void statesHostingStorageChildrenAndLastModification() {
        String page = text(eu);

        assertThat(page)
                .contains("This website is hosted by Olympus Scientific Solutions Americas Corp., located in United"
                        + " States.")
                .contains("stored on servers located in: United States, Czechia.")
                .contains("If you are under the age of 16, please make sure to obtain the consent of your parent or"
                        + " guardian before providing your personal information.")
                .contains("last modified April 3, 2018");
        assertThat(json("/s/olympus-ims/privacy.json?region=EU")
                        .get("lastModified")
                        .asString())
                .isEqualTo("2018-04-03");
    }

    @Test
    void theJapaneseSectionStatesTheAppiRequestsSslAndManagement() {
        String jp = text(http.get("/s/olympus-ims/privacy?region=JP").body());

        assertThat(jp)
                .contains("To respond to your inquiries or your requests")
                .contains("under the Japanese Personal Information Protection Law")
                .contains("be disclosed", "be amended", "be deleted")
                .contains("SSL can protect against the intercepting and falsifying of data, and masquerading by"
                        + " third parties.")
                .contains("stored on servers located in: United States, Czechia.")
                .contains("under the age of 16");
    }

    /** A cookie the notice does not name says so ("name not stated"), not the catalog's key ("google-advertising"). */
    @Test
    void theCookiePolicyListsEachCookieWithItsOptOut() {
        String policy = http.get("/s/olympus-ims/cookies").body();

        assertThat(rows(policy))
                .anyMatch(row -> row.startsWith("name not stated Cookie Google Third party Advertising")
                        && row.endsWith("You can disable Google advertising cookies by accessing the opt-out page."))
                .anyMatch(row -> row.startsWith("name not stated Cookie Online advertisement companies Third party")
                        && row.endsWith("opt-out page of the Network Advertising Initiative."))
                .anyMatch(row -> row.startsWith("name not stated Web beacon Third parties Third party Advertising")
                        && row.contains("the type of browser used to view the page"))
                .anyMatch(row -> row.startsWith("name not stated Web beacon Olympus This website Analytics"));
        assertThat(policy)
                .contains("href=\"https://adssettings.google.com/\"")
                .contains("href=\"https://optout.networkadvertising.org/\"");
        assertThat(text(policy)).contains("Notify the user when a cookie is received");
    }

    /** The seed lists these five fields first on each of its three forms, then the form's own. */
    private static String[] formFields(String... more) {
        return Stream.concat(
                        Stream.of("Location", "Company Name", "First Name", "Last Name", "E-mail"), Stream.of(more))
                .toArray(String[]::new);
    }

    private JsonNode json(String path) {
        return Json.read(http.get(path).body());
    }
}
