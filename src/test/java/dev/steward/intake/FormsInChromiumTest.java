package dev.steward.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Chromium;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The seed forms as a visitor's browser submits them, without JavaScript; and the account tour after registering. */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsInChromiumTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void everySeedFormIsSubmittedThroughItsPageWithoutJavascript() {
        for (Filled form : SeedForms.all()) {
            Page page = visitor(false);
            page.navigate(form.path() + "?region=" + form.region());
            Chromium.fill(page, form);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submitLabel(form)))
                    .click();

            assertThat(page.url()).as(form.form()).endsWith(form.path() + "/sent");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                            .textContent())
                    .as(form.form())
                    .isEqualTo("Thank you");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Receipt"))
                            .count())
                    .as(form.form())
                    .isEqualTo(form.consents().size());
            page.context().close();
        }
    }

    @Test
    void aRefusedFormShowsItsErrorsAtTheTopAndAtEachFieldAndKeepsWhatWasTyped() {
        Page page = visitor(false);
        Filled form = SeedForms.olympusContact().with("email", "no-at-sign").ticking("respond-to-inquiries");
        page.navigate(form.path() + "?region=EU");
        Chromium.fill(page, form);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains("There is a problem")
                .contains("E-mail is not in the expected form.")
                .contains("Tick this box to send the form");
        assertThat(page.locator("#fields-firstName").inputValue())
                .isEqualTo(form.fields().get("firstName"));
        assertThat(page.getByLabel("I consent to Olympus storing", new Page.GetByLabelOptions())
                        .isChecked())
                .isTrue();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("E-mail is not in the expected form."))
                .click();
        assertThat(page.url()).endsWith("#fields-email");
        page.context().close();
    }

    @Test
    void theNewsletterFormWorksWithJavascriptToo() {
        Page page = visitor(true);
        Filled form = SeedForms.olympusNewsletter();
        page.navigate(form.path() + "?region=EU");
        Chromium.fill(page, form);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe"))
                .click();

        assertThat(page.textContent("main")).contains("Please check your mailbox: we sent you a link to confirm");
        page.context().close();
    }

    @Test
    void aNewcomerRegistersSignsInAndChoosesTheirMarketingEmail() {
        Filled form = SeedForms.omronAccount();
        Page page = visitor(false);
        page.navigate(form.path());
        Chromium.fill(page, form);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.textContent("main")).contains("To finish registering, open the link we e-mailed");
        page.navigate("http://localhost:" + port + Registrations.verificationLink(port, SeedForms.OMRON, form.email()));
        page.getByLabel("Your password").fill(SeedForms.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my address"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        page.getByLabel("User name or e-mail address").fill(form.email());
        page.getByLabel("Password").fill(SeedForms.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo("My privacy");
        assertThat(page.textContent("main")).contains(form.fields().get("name"));
        page.getByLabel("Sign Up & Save!").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choices"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Your choices have been saved.");
        assertThat(page.getByLabel("Sign Up & Save!").isChecked()).isTrue();
        page.context().close();
    }

    @Test
    void aChildRefusedForAgeGetsNothingBackAndCannotGoBackToChangeTheAge() {
        for (boolean javascript : List.of(false, true)) {
            Filled child = SeedForms.omronContest().age("11");
            Page page = visitor(javascript);
            page.navigate(child.path());
            Chromium.fill(page, child);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter"))
                    .click();

            assertThat(heading(page)).isEqualTo("We cannot accept your form");
            assertThat(page.textContent("main"))
                    .contains("does not intentionally collect personal information about children under the age of 13");
            assertThat(page.locator("input, textarea, select").count())
                    .as("no form comes back")
                    .isZero();

            page.goBack();
            assertThat(heading(page))
                    .as("back to the form, with JavaScript %s", javascript)
                    .isEqualTo("We cannot accept your form");
            assertThat(page.content()).doesNotContain(child.fields().get("name"));
            page.navigate(child.path());
            assertThat(page.locator("#age").count())
                    .as("the age cannot be changed")
                    .isZero();
            assertThat(heading(page)).isEqualTo("We cannot accept your form");

            // what a parent or guardian can do (seed 002: "please ask a parent or guardian for assistance")
            assertThat(page.textContent("main")).contains("What a parent or guardian can do");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the privacy notice"))
                    .click();
            assertThat(page.url()).endsWith("/s/omron-healthcare/privacy?region=US");
            assertThat(page.textContent("main"))
                    .as("the notice it quotes, open to the refused browser")
                    .contains("does not intentionally collect personal information about children under the age of 13");
            page.context().close();
        }
    }

    private static String heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .textContent();
    }

    private Page visitor(boolean javascript) {
        Page page = chromium.page(port, javascript);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", Visitor.randomIp()));
        return page;
    }

    private static String submitLabel(Filled form) {
        return switch (form.form()) {
            case "software-download" -> "Register";
            case "newsletter" -> "Subscribe";
            case "contest" -> "Enter";
            case "account" -> "Create account";
            default -> "Send";
        };
    }
}
