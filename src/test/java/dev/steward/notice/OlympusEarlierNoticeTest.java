package dev.steward.notice;

import static dev.steward.test.Pages.text;
import static dev.steward.test.Pages.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 000: the olympus-ims.com notice archived on 2017-06-06, before the GDPR. Steward publishes it as the earlier
 * edition 2017-06-06 of the site, readable at its own address; each test reads facts of the seed from it.
 */
@StewardTest
class OlympusEarlierNoticeTest {

    @LocalServerPort
    int port;

    String notice;

    @BeforeEach
    void readTheEdition() {
        notice = new Http(port).get("/s/olympus-ims/privacy/v/2017-06-06").body();
    }

    @Test
    void isTheEditionOf2017WithoutAnyOfTheGdprSection() {
        assertThat(text(notice))
                .contains("Version 2017-06-06, effective June 6, 2017.")
                .doesNotContain("GDPR")
                .doesNotContain("Representative of Controller or Processor");
    }

    @Test
    void statesThePurposesOfUseAndWhoInformationIsForwardedTo() {
        assertThat(textOf(notice, "aria-labelledby=\"purposes\""))
                .contains("To respond to your inquiries or your requests")
                .contains("For market research concerning Olympus' business, preparation of statistics and product"
                        + " development")
                .contains("Olympus will obtain your prior consent in the event that Olympus intends to use your"
                        + " personal information for purposes other than these.");
        assertThat(textOf(notice, "id=\"activity-product-announcements\""))
                .contains("Olympus may forward information provided by you to Olympus' group companies, outsourcers"
                        + " and/or agents having confidential obligation agreement");
    }

    @Test
    void grantsTheRequestsOfTheJapaneseLawToDiscloseAmendAndDelete() {
        assertThat(textOf(notice, "id=\"right-disclosure\""))
                .contains("under the Japanese Personal Information Protection Law")
                .contains("Olympus Group Companies in Japan (except for companies with their own privacy policies in"
                        + " place)")
                .contains("be disclosed")
                .contains("Personal Information Inquiry page");
        assertThat(textOf(notice, "id=\"right-amendment\"")).contains("be amended");
        assertThat(textOf(notice, "id=\"right-deletion\"")).contains("be deleted");
    }

    @Test
    void describesSsl() {
        assertThat(textOf(notice, "aria-labelledby=\"security\""))
                .contains("SSL (Secure Sockets Layer)")
                .contains("adopting SSL encryption technology on the pages where personal data is input")
                .contains("SSL can protect against the intercepting and falsifying of data, and masquerading by"
                        + " third parties.");
    }

    @Test
    void listsThePurposesOfCookiesAndHowToRefuseThem() {
        assertThat(textOf(notice, "aria-labelledby=\"cookies\""))
                .contains("This Website employs cookies.")
                .contains("checking your registered information when you are logged in to an online service that"
                        + " requires authentication")
                .contains("Optimizing advertisements on websites of other companies in accordance with your"
                        + " interests and browsing activities.")
                .contains("Examining the user traffic on this Website, such as the number of visitors and views.")
                .contains("Requesting you to re-enter your passwords (for another authentication) after a certain"
                        + " period of time elapsed")
                .contains("Behavioral targeting services provided by online advertisement companies")
                .contains("Allow all cookies, Block all cookies, and Notify the user when a cookie is received");
    }

    @Test
    void linksTheGoogleAndNetworkAdvertisingInitiativeOptOuts() {
        assertThat(notice)
                .contains("<a href=\"https://adssettings.google.com/\">You can disable Google advertising cookies by"
                        + " accessing the opt-out page.</a>")
                .contains("<a href=\"https://optout.networkadvertising.org/\">You can disable cookies by third-party"
                        + " ad servers by accessing the opt-out page of the Network Advertising Initiative.</a>");
    }

    @Test
    void listsWhatWebBeaconsLetThirdPartiesObtain() {
        assertThat(textOf(notice, "aria-labelledby=\"cookies\""))
                .contains("web beacons (also known as Internet tags, pixel tags and clear GIFs)")
                .contains("the IP address of the computer that downloaded the page on which the beacon appears")
                .contains("the URL of the page on which the beacon appears")
                .contains("the time the page containing the beacon was viewed")
                .contains("the type of browser used to view the page")
                .contains("the information in cookies set by a third party");
    }

    @Test
    void asksPeopleUnder16ForTheirParentsConsent() {
        assertThat(textOf(notice, "aria-labelledby=\"children\""))
                .contains("If you are under the age of 16, please make sure to obtain the consent of your parent or"
                        + " guardian before providing your personal information.");
    }

    @Test
    void managesPersonalInformationInTheUnitedStatesAndTheCzechRepublic() {
        assertThat(textOf(notice, "aria-labelledby=\"storage\""))
                .contains("stored on servers located in: United States, Czechia.")
                .contains("dedicated servers managed by Olympus or its outsourcers")
                .contains("(including outside the European Economic Area)");
    }
}
