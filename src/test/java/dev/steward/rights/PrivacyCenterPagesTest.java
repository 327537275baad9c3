package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.LabTestBase;
import dev.steward.test.Pages;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The privacy center over HTTP: the old address leads to the index of the rights, one page per right, and the address
 * a visitor proved in their browser, which serves that browser only, on that site only, for a while.
 */
@StewardTest
class PrivacyCenterPagesTest extends LabTestBase {

    static final String LAB = "/s/lab/privacy-center";
    static final String OLYMPUS = "/s/olympus-ims/privacy-center";

    @Test
    void theOldAddressLeadsToTheIndexWhichNamesEveryRightInWords() {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> old = visitor.get(OLYMPUS + "?region=JP");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith(OLYMPUS + "/rights?region=JP");
        assertThat(visitor.get(OLYMPUS).headers().firstValue("Location").orElseThrow())
                .endsWith(OLYMPUS + "/rights");
        assertThat(visitor.get("/s/no-such-site/privacy-center").statusCode()).isEqualTo(404);

        String europe = visitor.get(OLYMPUS + "/rights?region=EU").body();
        assertThat(Pages.text(europe))
                .contains("Get a copy of your data")
                .contains("Take your data elsewhere")
                .contains("Complain to an authority")
                .contains("shown: European Union")
                .doesNotContain("withdraw-consent");
        assertThat(europe).contains("href=\"/s/olympus-ims/privacy-center/rights/portability?region=EU\"");
        assertThat(europe).as("no form on the index").doesNotContain("name=\"email\"");

        String japan = Pages.text(visitor.get(OLYMPUS + "/rights?region=JP").body());
        assertThat(japan).contains("shown: Japan").doesNotContain("Take your data elsewhere");
    }

    @Test
    void eachRightHasItsOwnPageAndOnlyWhereTheRegionGrantsIt() {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> erasure = visitor.get(LAB + "/rights/erasure?region=EU");
        assertThat(erasure.statusCode()).isEqualTo(200);
        assertThat(Pages.text(erasure.body()))
                .contains("Erasure (Art. 17 GDPR)")
                .contains("Why (choose all that apply)")
                .doesNotContain("Restriction (Art. 18 GDPR)");

        assertThat(visitor.get(OLYMPUS + "/rights/portability?region=JP").statusCode())
                .isEqualTo(404);
        assertThat(visitor.get(LAB + "/rights/no-such-right").statusCode()).isEqualTo(404);
        assertThat(visitor.get(LAB + "/rights/ERASURE").statusCode())
                .as("the type's key, not its enum name")
                .isEqualTo(404);
    }

    @Test
    void aFailedRequestIsShownAgainOnItsRightsPage() {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> failed = visitor.submit(
                LAB + "/rights/erasure?region=EU",
                LAB + "/requests",
                Map.of("type", "erasure", "region", "EU", "email", Canary.email("no-reason")));

        assertThat(failed.statusCode())
                .as("a refusal, as the forms answer theirs")
                .isEqualTo(422);
        String page = Pages.text(failed.body());
        assertThat(page)
                .contains("Erasure (Art. 17 GDPR)")
                .contains("Choose at least one of the reasons the law gives.");
        assertThat(failed.body()).contains("value=\"" + Canary.email("no-reason") + "\"");
    }

    @Test
    void theAddressProvenInABrowserConfirmsFurtherRequestsThereOnlyForThatSiteAndForAWhile() {
        String email = Canary.email("remembered");
        Visitor visitor = new Visitor(port);
        String status = request(visitor, LAB, "access", email);
        assertThat(status).endsWith("?submitted");
        String statusPage = URI.create(status).getRawPath();
        String code = inbox.find(email, "code on the request's page: (\\d{6})");
        assertThat(visitor.submit(statusPage, statusPage + "/verify", Map.of("code", code))
                        .statusCode())
                .isEqualTo(302);

        assertThat(visitor.get(LAB + "/rights/rectification?region=EU").body()).contains("value=\"" + email + "\"");
        assertThat(request(visitor, LAB, "notification", email))
                .as("the proof made in this browser")
                .doesNotEndWith("?submitted");
        assertThat(request(visitor, LAB, "notification", Canary.email("remembered-other")))
                .as("another address")
                .endsWith("?submitted");
        assertThat(request(new Visitor(port), LAB, "notification", email))
                .as("another browser")
                .endsWith("?submitted");
        assertThat(request(visitor, OLYMPUS, "notification", email))
                .as("another site")
                .endsWith("?submitted");

        clock.advance(VerifiedAddresses.REMEMBERED.plusSeconds(1));
        assertThat(visitor.get(LAB + "/rights/rectification?region=EU").body()).doesNotContain(email);
        assertThat(request(visitor, LAB, "notification", email)).endsWith("?submitted");
    }

    /**
     * attack16: the proof went into whatever session the browser had, so a session id planted in the visitor's browser
     * beforehand (session fixation) let its planter file withdrawals and restrictions for the address, confirmed at
     * once. Proving the address now gives the session a new id, and the old one carries nothing.
     */
    @Test
    void provingTheAddressGivesTheSessionANewIdSoAPlantedOneCarriesNoProof() {
        String email = Canary.email("fixated");
        Visitor visitor = new Visitor(port);
        // the id the planter got for themselves and slipped into the visitor's browser: its first page keeps it
        String planted = sessionId(visitor.get(LAB + "/rights/rectification?region=EU"))
                .orElseThrow(() -> new AssertionError("the page opens a session"));
        String status = request(visitor, LAB, "access", email);
        String statusPage = URI.create(status).getRawPath();
        String code = inbox.find(email, "code on the request's page: (\\d{6})");

        HttpResponse<String> verified = visitor.submit(statusPage, statusPage + "/verify", Map.of("code", code));

        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(sessionId(verified)).as("a new session id").isPresent().isNotEqualTo(Optional.of(planted));
        assertThat(visitor.get(LAB + "/rights/rectification?region=EU").body())
                .as("the browser that proved it")
                .contains("value=\"" + email + "\"");
        assertThat(new Http(port)
                        .get(LAB + "/rights/rectification?region=EU", "Cookie", "JSESSIONID=" + planted)
                        .body())
                .as("whoever holds the old id")
                .doesNotContain(email);
    }

    private static Optional<String> sessionId(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst();
    }

    @Test
    void theRequestsPageNamesTheRecipientsToldInWords() {
        customers.customer("recipients-named");
        String email = Canary.email("recipients-named");
        Visitor visitor = new Visitor(port);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> sent = visitor.submit(
                LAB + "/rights/restriction?region=EU",
                LAB + "/requests",
                Map.of("type", "restriction", "region", "EU", "email", email, "grounds", "accuracy-disputed"));
        String statusPage =
                URI.create(sent.headers().firstValue("Location").orElseThrow()).getRawPath();
        String code = inbox.find(email, "code on the request's page: (\\d{6})");
        visitor.submit(statusPage, statusPage + "/verify", Map.of("code", code));

        HttpResponse<String> opened = visitor.get(statusPage);
        assertThat(opened.headers().firstValue("X-Robots-Tag"))
                .as("the page's address is the request's secret: kept out of indexes, referrers and caches")
                .contains("noindex");
        assertThat(opened.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store");
        String page = opened.body();
        assertThat(Pages.textOf(page, "aria-labelledby=\"recipients\""))
                .contains("Lab Accounting Partner GmbH")
                .doesNotContain("lab-accounting")
                .doesNotContain("lab-printer");
    }

    @ParameterizedTest
    @CsvSource({
        "en, Get a copy of your data, All your rights, Confirm my request, You asked Steward Lab to give you a copy",
        "de, Auskunft über Ihre Daten, Alle Ihre Rechte, Meine Anfrage bestätigen, 'Sie haben Steward Lab gebeten, Ihnen'",
        "ja, データの写しの請求, すべての権利, 請求を確定する, Steward Labに次のご請求をいただきました"
    })
    void theIndexTheRightsPagesAndTheLinksPageSpeakTheVisitorsLanguage(
            String language, String access, String back, String button, String asked) {
        Visitor visitor = new Visitor(port);
        String[] accept = {"Accept-Language", language};
        assertThat(Pages.text(visitor.get(LAB + "/rights?region=EU", accept).body()))
                .contains(access);
        HttpResponse<String> right = visitor.get(LAB + "/rights/access?region=EU", accept);
        assertThat(right.body()).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(right.body())).contains(back);

        String email = Canary.email("link-page-" + language);
        clock.advance(Duration.ofSeconds(1));
        visitor.postForm(
                LAB + "/requests",
                Map.of("_csrf", Console.csrf(right.body()), "type", "access", "region", "EU", "email", email),
                accept);
        String link = "/s/lab/privacy-center/verify?token=" + inbox.find(email, "verify\\?token=([\\w-]+)");
        String page = Pages.text(visitor.get(link, accept).body());
        assertThat(page).contains(button).contains(asked);
    }

    /** Submits a request from the right's page; answers where the visitor is sent. */
    /**
     * A European visitor of Olympus read their request's times on Tokyo's clock (outside22 F6): the request's page
     * tells them on the clock of the region it was made under (the EU's, Europe/Berlin in the demo catalog).
     */
    @Test
    void aRequestsPageTellsItsTimesOnTheClockOfItsRegion() {
        Visitor visitor = new Visitor(port);
        String statusPage = URI.create(request(visitor, OLYMPUS, "access", Canary.email("clock")))
                .getRawPath();

        String german =
                Pages.text(visitor.get(statusPage, "Accept-Language", "de").body());
        assertThat(german).containsPattern("Gesendet \\d+\\. \\p{L}+ \\d{4}, \\d\\d:\\d\\d \\(MES?Z\\)");
        assertThat(german).doesNotContain("(JST)");
    }

    private String request(Visitor visitor, String center, String type, String email) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> sent = visitor.submit(
                center + "/rights/" + type + "?region=EU",
                center + "/requests",
                Map.of("type", type, "region", "EU", "email", email));
        assertThat(sent.statusCode()).as(Pages.text(sent.body())).isEqualTo(302);
        return sent.headers().firstValue("Location").orElseThrow();
    }
}
