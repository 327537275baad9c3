package dev.steward.notice;

import static dev.steward.test.Pages.rows;
import static dev.steward.test.Pages.text;
import static dev.steward.test.Pages.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 002: the omronhealthcare.com privacy policy posted on May 5, 2010; each test reads facts of the seed. */
@StewardTest
class OmronNoticeTest {

    @LocalServerPort
    int port;

    Http http;
    String notice;

    @BeforeEach
    void readTheNotice() {
        http = new Http(port);
        notice = http.get("/s/omron-healthcare/privacy").body();
    }

    @Test
    void refusesChildrenUnder13() {
        assertThat(textOf(notice, "aria-labelledby=\"children\""))
                .contains("Omronhealthcare.com does not intentionally collect personal information about children"
                        + " under the age of 13. If you are under 13 and would like to use omronhealthcare.com,"
                        + " please ask a parent or guardian for assistance.");
        JsonNode children = json().get("children");
        assertThat(children.get("minimumAge").asInt()).isEqualTo(13);
        assertThat(children.get("belowAge").asString()).isEqualTo("refuse");
    }

    /**
     * The notice names no cookie ("a temporary cookie"), so the policy says its name is not stated, in the reader's
     * language: it showed the catalog's key ("visitor-identifier"), a name no browser would list.
     */
    @Test
    void assignsATemporaryCookieToIdentifyTheVisitor() {
        String policy = http.get("/s/omron-healthcare/cookies").body();
        assertThat(rows(policy))
                .anyMatch(row -> row.startsWith(
                                "name not stated Cookie Omronhealthcare.com This website Preferences temporary")
                        && row.contains("The purpose of the cookie is to identify you when you visit our site"));
        assertThat(policy).doesNotContain(">visitor-identifier<").doesNotContain(">advertising-beacon<");
        assertThat(http.get("/s/omron-healthcare/cookies", "Accept-Language", "ja")
                        .body())
                .contains("<th scope=\"row\">名称の記載なし</th>");
        assertThat(textOf(notice, "aria-labelledby=\"cookies\""))
                .contains("you will be assigned a temporary cookie (a small text file)")
                .contains("configure your browser to reject all cookies or notify you when a cookie is set");
    }

    @Test
    void collectsTechnicalInformationOnEachPageRequest() {
        assertThat(textOf(notice, "id=\"activity-computer-information\""))
                .containsSubsequence(
                        "Internet Protocol (IP) address",
                        "Your computer's operating system",
                        "Browser type",
                        "Address of a referring Web site")
                .contains("will not sell or rent this information to any unaffiliated third parties");
    }

    @Test
    void usesTheEmailAddressToAnswerCustomerService() {
        assertThat(textOf(notice, "id=\"activity-customer-service\""))
                .contains("We will use your email address to respond to your questions, suggestions, and/or requests"
                        + " for assistance in using our site.")
                .contains("This will allow us to protect your confidentiality by verifying your identity.");
    }

    @Test
    void asksSurveyAndContestEntrantsForNameEmailAndMailingAddress() {
        assertThat(textOf(notice, "id=\"activity-surveys-and-contests\""))
                .contains("surveys and contests via our Web site, email, and other media")
                .containsSubsequence("Data we process", "Name", "Email address", "Mailing address");
    }

    @Test
    void statesTheFourUses() {
        assertThat(textOf(notice, "aria-labelledby=\"purposes\""))
                .contains("Respond to your customer-service inquiries or requests")
                .contains("Communicate special offers and featured items to you, if you choose to receive such notices")
                .contains("Customize your experience")
                .contains("Share special offers from Omron partner organization");
    }

    @Test
    void sharesOnlyWithAgentsRepresentativesAndServiceProvidersAndNeverSells() {
        assertThat(rows(notice))
                .anyMatch(row -> row.startsWith("Agents, representatives, trusted service providers and contractors")
                        && row.contains("Fulfilling customer requests; offering certain products and services in"
                                + " connection with our Web site; communicating to customers; providing customer"
                                + " service; enhancing and improving customers' experience; enabling access to our"
                                + " partners' sites"));
        assertThat(text(notice)).contains("We will not sell or rent your personal information to anyone.");
        assertThat(json().get("sellsPersonalData").asBoolean()).isFalse();
    }

    @Test
    void sharesAggregatedStatisticsAndDisclosesWhenTheLawRequires() {
        assertThat(textOf(notice, "id=\"activity-aggregated-statistics\""))
                .contains("We may share aggregated demographic and statistical information with our partners. This is"
                        + " not linked to any personal information that can identify any individual person.");
        assertThat(textOf(notice, "id=\"activity-legal-disclosure\""))
                .contains("unless we have your express permission or under special circumstances, such as when we"
                        + " believe in good faith that the disclosure is required by law");
    }

    @Test
    void protectsTransactionsWithSslAndAVerisignCertificate() {
        assertThat(textOf(notice, "aria-labelledby=\"security\""))
                .contains("we use a technology called Secure Sockets Layer (SSL)")
                .contains("automatically encrypted, or encoded, before it is sent over the Internet")
                .contains("digital certificate from Verisign, Inc., a leading provider of Internet trust services")
                .contains("an image of a closed lock or a solid key should appear");
    }

    @Test
    void tellsHowToStopTheSignUpAndSaveEmails() {
        assertThat(textOf(notice, "id=\"right-withdraw-consent\""))
                .contains("Simply go to Your Account, sign in, click \"Email Address & Password\" and remove the check"
                        + " in the box next to the words \"Sign Up & Save! Send me email about special offers,"
                        + " Rollbacks, new items and other great values.\"");
    }

    @Test
    void stillSendsOperationalEmailsAndProductRecalls() {
        assertThat(textOf(notice, "id=\"activity-marketing-email\""))
                .contains("The only email messages you will receive when you elect not to receive informational"
                        + " emails will be to respond to your Customer Service inquiries")
                .contains("operational emails to inform you of any changes to our site that might affect your"
                        + " personal information, or to announce product recalls");
        assertThat(textOf(notice, "id=\"activity-customer-account\""))
                .contains("Operational e-mails to inform you of any changes to our site that might affect your"
                        + " personal information, or to announce product recalls");
    }

    @Test
    void wasPostedOnMay5th2010AndAnnouncesChangesForSixMonths() {
        assertThat(text(notice)).contains("Version 2010-05-05, effective May 5, 2010.");
        assertThat(json().get("effective").asString()).isEqualTo("2010-05-05");
        assertThat(textOf(notice, "aria-labelledby=\"changes\""))
                .contains("If we make any significant change to this policy, we will post notice of the change on"
                        + " Omron.com.")
                .contains("After a significant change we post a notice of it for at least 6 months.");
    }

    private JsonNode json() {
        return Json.read(http.get("/s/omron-healthcare/privacy.json").body());
    }
}
