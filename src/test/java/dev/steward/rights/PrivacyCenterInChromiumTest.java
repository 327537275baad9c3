package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.consent.ConsentDecisions;
import dev.steward.test.Axe;
import dev.steward.test.Canary;
import dev.steward.test.Chromium;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.StewardTest;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor exercises access, erasure and restriction in the privacy center, in Chromium, without JavaScript. */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyCenterInChromiumTest extends LabTestBase {

    @Autowired
    Vault vault;

    @Autowired
    ConsentDecisions decisions;

    /** The request form's button, "Send: " and the right's title. */
    private static final Pattern SEND = Pattern.compile("^Send: ");

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void aVisitorAsksForTheirDataConfirmsWithTheCodeAndStaffAnswerIt() {
        customers.customer("browser-access");
        Page page = privacyCenter();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Get a copy of your data"))
                .click();
        assertThat(heading(page)).isEqualTo("Access (Art. 15 GDPR)");

        String statusUrl = submit(page, "browser-access");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("We sent you an e-mail");
        page.getByLabel("Code from the e-mail").fill(code("browser-access"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                .click();

        assertThat(page.url()).isEqualTo(statusUrl);
        assertThat(row(page, "Status")).isEqualTo("Received; we are working on it");
        assertThat(row(page, "We answer by")).isNotBlank();

        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String requestId = Json.read(new Http(port)
                        .get("/api/v1/sites/lab/requests/" + statusUrl.substring(statusUrl.lastIndexOf('/') + 1))
                        .body())
                .get("request")
                .asString();
        assertThat(console.get("/admin/requests").body())
                .contains("href=\"/admin/requests/" + requestId + "\">Access</a>");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fulfilled =
                console.submit("/admin/requests/" + requestId, "/admin/requests/" + requestId + "/fulfil", Map.of());
        assertThat(console.get(pathOf(fulfilled.headers().firstValue("Location").orElseThrow()))
                        .body())
                .contains("Request fulfilled; the requester was answered.");

        page.navigate(statusUrl);
        assertThat(row(page, "Status")).isEqualTo("Answered");
        assertThat(inbox.newestTextTo(Canary.email("browser-access"))).contains("/privacy-center/packages/");
    }

    @Test
    void aVisitorAsksForErasureChoosingTheGroundAndConfirmsWithTheLink() {
        SubjectId subject = customers.subscriber("browser-erasure");
        Page page = right("erasure");
        page.getByLabel("You withdrew your consent.").check();

        submit(page, "browser-erasure");
        String link = link("browser-erasure");
        page.navigate(link);
        page.navigate(link);
        assertThat(heading(page)).as("opening the link twice confirms nothing").isEqualTo("Confirm your request");
        assertThat(page.textContent("main")).contains("You asked Steward Lab").contains("erase your data");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my request"))
                .click();

        assertThat(heading(page)).isEqualTo("Your request is confirmed");
        assertThat(page.textContent("main")).contains("We will answer by");
        page.navigate(link);
        assertThat(heading(page)).isEqualTo("Already done");
        assertThat(page.textContent("main")).contains("Your request is confirmed already");
        assertThat(vault.exists(subject)).as("erasure waits for staff").isTrue();
    }

    @Test
    void aVisitorAsksForRestrictionAndItAppliesAtOnce() {
        SubjectId subject = customers.subscriber("browser-restriction");
        Page page = right("restriction");
        page.getByLabel("You dispute the accuracy of your data.").check();

        submit(page, "browser-restriction");
        page.navigate(link("browser-restriction"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my request"))
                .click();

        assertThat(page.textContent("main")).contains("It has been carried out");
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("restricted");
    }

    @Test
    void aMissingGroundIsShownNextToTheFormAndTheVisitorSeesTheDirectAnswers() {
        Page page = privacyCenter();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Automated decisions"))
                .click();
        assertThat(page.textContent("main")).contains("No decision about you is made by automated means alone.");
        assertThat(page.getByRole(AriaRole.BUTTON).count())
                .as("nothing to request")
                .isZero();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All your rights"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Complain to an authority"))
                .click();
        assertThat(page.textContent("main")).contains("Lab Data Protection Authority");

        page = right("erasure");
        page.getByLabel("Your e-mail address").fill(Canary.email("no-ground"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(SEND))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains("Choose at least one of the reasons the law gives.");
        assertThat(page.getByLabel("Your e-mail address").inputValue())
                .as("what the visitor typed stays")
                .isEqualTo(Canary.email("no-ground"));
    }

    @Test
    void theAddressConfirmedInThisBrowserIsOfferedOnTheNextRightAndNeedsNoSecondMail() {
        String email = Canary.email("browser-remembered");
        customers.subscriber("browser-remembered");
        Page page = right("access");
        submit(page, "browser-remembered");
        page.getByLabel("Code from the e-mail").fill(code("browser-remembered"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                .click();
        int mails = inbox.countTo(email);
        // a second later, so that "the newest mail" is the answer and never ties with the code's mail
        clock.advance(Duration.ofSeconds(1));

        page.navigate("/s/lab/privacy-center/rights/withdraw-consent?region=EU");
        assertThat(page.getByLabel("Your e-mail address").inputValue()).isEqualTo(email);
        assertThat(page.textContent("main")).contains("You confirmed " + email + " in this browser a moment ago");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(SEND))
                .click();

        assertThat(page.url()).doesNotContain("submitted");
        assertThat(row(page, "Status")).isEqualTo("Answered");
        assertThat(inbox.newestTextTo(email))
                .as("the answer, not a request to confirm the address again")
                .doesNotContain("To confirm that this address is yours");
        assertThat(inbox.countTo(email)).isEqualTo(mails + 1);

        Page stranger = right("withdraw-consent");
        assertThat(stranger.getByLabel("Your e-mail address").inputValue())
                .as("another browser")
                .isEmpty();
        clock.advance(VerifiedAddresses.REMEMBERED.plusMinutes(1));
        page.navigate("/s/lab/privacy-center/rights/withdraw-consent?region=EU");
        assertThat(page.getByLabel("Your e-mail address").inputValue())
                .as("forgotten after a while")
                .isEmpty();
    }

    @Test
    void theIndexAndEveryRightsPageHaveNoAccessibilityViolations() {
        Page page = chromium.page(port, Map.of(), true);
        page.navigate("/s/lab/privacy-center/rights?region=EU");
        assertThat(Axe.violations(page)).as("index").isEmpty();
        for (String type : List.of(
                "withdraw-consent",
                "access",
                "rectification",
                "erasure",
                "restriction",
                "notification",
                "portability",
                "objection",
                "automated-decisions",
                "complaint")) {
            page.navigate("/s/lab/privacy-center/rights/" + type + "?region=EU");
            assertThat(Axe.violations(page)).as(type).isEmpty();
        }
    }

    /** The address every mail and notice links to, which leads to the index of the rights. */
    private Page privacyCenter() {
        clock.advance(Duration.ofSeconds(1));
        Page page = chromium.page(port, false);
        page.navigate("/s/lab/privacy-center?region=EU");
        assertThat(page.url()).endsWith("/s/lab/privacy-center/rights?region=EU");
        return page;
    }

    private Page right(String type) {
        clock.advance(Duration.ofSeconds(1));
        Page page = chromium.page(port, false);
        page.navigate("/s/lab/privacy-center/rights/" + type + "?region=EU");
        return page;
    }

    /** Fills the right's e-mail address and sends it; answers the request's page, where the visitor lands. */
    private String submit(Page page, String who) {
        page.getByLabel("Your e-mail address").fill(Canary.email(who));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(SEND))
                .click();
        assertThat(page.url()).contains("/s/lab/privacy-center/requests/");
        return page.url().replace("?submitted", "");
    }

    private String code(String who) {
        return inbox.find(Canary.email(who), "code on the request's page: (\\d{6})");
    }

    /** The mailed link, opened on this test's server: its public address names no port. */
    private String link(String who) {
        String mailed = inbox.find(Canary.email(who), "(http://\\S+/verify\\?token=[\\w-]+)");
        return "http://localhost:" + port + pathOf(mailed);
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .textContent();
    }

    private static String row(Page page, String heading) {
        return page.locator("tr")
                .filter(new Locator.FilterOptions().setHasText(heading))
                .locator("td")
                .textContent()
                .strip();
    }
}
