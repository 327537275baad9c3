package dev.steward.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.Rows;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The forms as pages: what the catalog puts on them, and how a refusal comes back to the visitor. */
@StewardTest
class FormPagesTest {

    private static final String CONTACT = "/s/olympus-ims/forms/contact";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theContactFormShowsTheCatalogsFieldsInOrderWithVoluntaryOnesMarked() {
        String page = new Visitor(port).get(CONTACT + "?region=EU").body();

        assertThat(labels(page))
                .containsSubsequence(
                        "Location",
                        "Company Name",
                        "First Name",
                        "Last Name",
                        "E-mail",
                        "Phone Number",
                        "City (voluntary)",
                        "Zip",
                        "Message (voluntary)",
                        "Your age in years");
        assertThat(page)
                .contains("<select id=\"fields-location\" name=\"fields.location\"")
                .contains("<option value=\"CZ\">Czech Republic</option>")
                .contains("<input type=\"email\" id=\"fields-email\" name=\"fields.email\"")
                .contains("<textarea id=\"fields-message\" name=\"fields.message\"");
        assertThat(Pages.text(page)).contains("Send us your question. Fields marked as voluntary may be left empty.");
    }

    @Test
    void consentBoxesStartUntickedWithTheirExactWordingAfterTheWithdrawalTextAndTheNoticeLink() {
        String page = new Visitor(port).get(CONTACT + "?region=EU").body();
        String text = Pages.text(page);

        assertThat(page).doesNotContain("checked");
        assertThat(consentBoxes(page))
                .containsExactly(
                        "consents-respond-to-inquiries", "consents-hosting-transfer", "consents-product-announcements");
        String withdrawal = "You can revoke your consent to the processing of personal data at any time. If you"
                + " contact us by contact form, you can object to the storage of your personal data at any time.";
        String firstBox = "I consent to Olympus storing the data I entered to answer my inquiry and passing it to the"
                + " Olympus group company or distributor responsible for my location.";
        assertThat(text).contains(withdrawal).contains(firstBox);
        assertThat(text.indexOf(withdrawal)).as("withdrawal before consent").isLessThan(text.indexOf(firstBox));
        assertThat(page).contains("href=\"/s/olympus-ims/privacy/v/2018-04-03?region=EU\"");
        assertThat(text).contains("version 2018-04-03");
    }

    @Test
    void aBoxForAnotherActivityShowsThatActivitysWayToWithdraw() {
        String page = new Visitor(port)
                .get("/s/omron-healthcare/forms/customer-service")
                .body();

        assertThat(Pages.textOf(page, "id=\"consents-special-offers-hint\""))
                .startsWith("You can choose to stop receiving this email at any time.");
        assertThat(page).contains("aria-describedby=\"consents-special-offers-hint\"");
        assertThat(Pages.text(page)).contains("Sign Up & Save! Send me email about special offers");
    }

    @Test
    void theAgeQuestionFollowsTheJurisdictionsGate() {
        String eu = Pages.text(new Visitor(port).get(CONTACT + "?region=EU").body());
        String us = new Visitor(port).get("/s/omron-healthcare/forms/contest").body();

        assertThat(eu)
                .contains("If you are under the age of 16, please make sure to obtain the consent of your parent or"
                        + " guardian")
                .contains("Your parent's or guardian's e-mail address (only if you are under 16)");
        assertThat(Pages.text(us))
                .as("a neutral age screen: the refusal's age is not given away (AgeScreenTest)")
                .contains("Your age in years")
                .doesNotContain("children under the age of 13")
                .doesNotContain("guardian's e-mail address");
        assertThat(new Visitor(port).get("/s/lab/forms/order").body())
                .contains("<label for=\"birthDate\">Your date of birth</label>")
                .contains("<input type=\"date\" id=\"birthDate\" name=\"birthDate\"");
    }

    @Test
    void theFormHasAHoneypotHiddenFromPeopleAndACsrfToken() {
        String page = new Visitor(port).get(CONTACT).body();

        assertThat(Pages.element(page, "class=\"field hp\""))
                .contains("<label for=\"website\">Leave this field empty</label>")
                .contains("tabindex=\"-1\"");
        assertThat(Console.csrf(page)).isNotBlank();
        assertThat(page).contains("novalidate");
    }

    /**
     * An unknown form is not there; an unknown region is refused as the notice's is, naming the regions there are in
     * the reader's language (a German reader was told only that the page was not there: attack19 F3).
     */
    @Test
    void anUnknownFormIsNotFoundAndAnUnknownRegionIsRefusedNamingTheRegionsThereAre() {
        assertThat(new Visitor(port).get("/s/olympus-ims/forms/wishlist").statusCode())
                .isEqualTo(404);
        assertThat(new Visitor(port).get("/s/nowhere/forms/contact").statusCode())
                .isEqualTo(404);
        HttpResponse<String> region = new Visitor(port).get(CONTACT + "?region=MARS", "Accept-Language", "de-DE");
        assertThat(region.statusCode()).isEqualTo(400);
        assertThat(region.body())
                .contains(
                        "Wählen Sie eine der Regionen, die diese Website bedient: Japan, European Union, United States and other countries.");
        assertThat(new Visitor(port)
                        .submit(CONTACT, CONTACT, Map.of("region", "MARS"))
                        .statusCode())
                .as("a submission naming it, as the page")
                .isEqualTo(400);
    }

    @Test
    void aRefusedFormComesBackWithASummaryLinkingEachErrorTiedToItsFieldAndTheInputKeptButThePassword() {
        Visitor visitor = new Visitor(port);
        Filled form = SeedForms.olympusSoftwareDownload()
                .with("email", "not-an-address")
                .with("password", "short");
        Map<String, Long> before = Rows.count(jdbc);

        HttpResponse<String> answer = post(visitor, form.ticking("software-download"));

        assertThat(answer.statusCode()).isEqualTo(422);
        String page = answer.body();
        String summary = Pages.element(page, "id=\"error-summary\"");
        assertThat(summary)
                .contains("href=\"#fields-email\"")
                .contains("href=\"#fields-password\"")
                .contains("href=\"#consents-hosting-transfer\"");
        assertThat(page)
                .contains("id=\"fields-email-error\"")
                .containsPattern("id=\"fields-email\"[^>]*aria-describedby=\"fields-email-error\"")
                .containsPattern("id=\"fields-email\"[^>]*aria-invalid=\"true\"")
                .containsPattern(
                        "id=\"fields-password\"[^>]*aria-describedby=\"fields-password-hint fields-password-error\"")
                .contains("value=\"" + form.fields().get("firstName") + "\"")
                .contains("value=\"not-an-address\"")
                .doesNotContain(SeedForms.PASSWORD)
                .doesNotContain("value=\"short\"");
        assertThat(page).containsPattern("id=\"consents-software-download\"[^>]*checked");
        assertThat(Rows.grownSince(jdbc, before)).isEmpty();
    }

    @Test
    void anAcceptedFormLeadsToItsConfirmationWithEveryReceipt() {
        Visitor visitor = new Visitor(port);
        Filled form =
                SeedForms.olympusContact().ticking("respond-to-inquiries", "hosting-transfer", "product-announcements");

        HttpResponse<String> answer = post(visitor, form);

        assertThat(answer.statusCode()).isEqualTo(302);
        String sent = java.net
                .URI
                .create(answer.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(sent).endsWith("/s/olympus-ims/forms/contact/sent");
        String page = visitor.get(sent).body();
        assertThat(Pages.text(page)).contains("Thank you. Your inquiry has been received");
        List<String> receipts = receipts(page);
        assertThat(receipts).hasSize(3);
        receipts.forEach(
                receipt -> assertThat(visitor.get(receipt).statusCode()).isEqualTo(200));
        assertThat(visitor.get(sent).statusCode())
                .as("a reload leads back to the form")
                .isEqualTo(302);
    }

    @Test
    void aFilledHoneypotAndAFieldNotOnTheFormAreRefusedOnThePageToo() {
        Visitor visitor = new Visitor(port);
        Filled form = SeedForms.omronContest();
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form.formFields(csrf(visitor, form)));
        fields.removeIf(e -> e.getKey().equals("website"));
        fields.add(Map.entry("website", "http://spam.example"));

        HttpResponse<String> trapped = visitor.postForm(form.path(), fields);
        assertThat(trapped.statusCode()).isEqualTo(422);
        assertThat(Pages.textOf(trapped.body(), "id=\"error-summary\"")).contains("must be left empty");

        List<Map.Entry<String, String>> extra = new java.util.ArrayList<>(form.formFields(csrf(visitor, form)));
        extra.add(Map.entry("fields.ssn", "canarytoken"));
        extra.add(Map.entry("shoeSize", "42"));
        HttpResponse<String> undeclared = visitor.postForm(form.path(), extra);
        assertThat(undeclared.statusCode()).isEqualTo(422);
        assertThat(Pages.element(undeclared.body(), "id=\"error-summary\""))
                .contains("href=\"#fields-ssn\"")
                .contains("href=\"#shoeSize\"");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Filled form = SeedForms.omronContest();
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form.formFields("forged"));
        assertThat(new Visitor(port).postForm(form.path(), fields).statusCode()).isEqualTo(403);
    }

    @Test
    void tooManySubmissionsFromOneVisitorAreRefusedOnThePage() {
        Visitor visitor = new Visitor(port);
        Filled form = SeedForms.omronContest().ticking();
        String csrf = csrf(visitor, form);
        for (int i = 0; i < 30; i++) {
            visitor.postForm(form.path(), List.of(Map.entry("_csrf", csrf)));
        }
        HttpResponse<String> limited = visitor.postForm(form.path(), form.formFields(csrf));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Pages.textOf(limited.body(), "id=\"error-summary\"")).contains("Too many submissions");
        assertThat(limited.body().toLowerCase()).contains(Canary.MARKER).as("the visitor's input is kept");
    }

    private HttpResponse<String> post(Visitor visitor, Filled form) {
        return visitor.postForm(form.path() + "?region=" + form.region(), form.formFields(csrf(visitor, form)));
    }

    private static String csrf(Visitor visitor, Filled form) {
        return Console.csrf(visitor.get(form.path()).body());
    }

    private static List<String> labels(String page) {
        return matches(page, "<label[^>]*>(.*?)</label>").stream()
                .map(Pages::text)
                .toList();
    }

    private static List<String> consentBoxes(String page) {
        return matches(page, "type=\"checkbox\" name=\"consents\"[^>]*id=\"([^\"]+)\"");
    }

    private static List<String> receipts(String page) {
        return matches(page, "href=\"(/receipts/[^\"]+)\"");
    }

    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
