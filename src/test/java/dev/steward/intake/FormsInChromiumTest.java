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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The seed forms as a visitor's browser submits them, without JavaScript; and the account tour after registering. */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsInChromiumTest {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        chromium.close();
    }

    @Test
    void everySeedFormIsSubmittedThroughItsPageWithoutJavascript() {
        for (Filled form : SeedForms.all()) {
            Page page = visitor(false);
            page.navigate(form.path() + "?region=" + form.region());
            fill(page, form);
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
        fill(page, form);
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
        fill(page, form);
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
        fill(page, form);
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

    private Page visitor(boolean javascript) {
        Page page = chromium.page(port, javascript);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", Visitor.randomIp()));
        return page;
    }

    private static void fill(Page page, Filled form) {
        form.fields().forEach((key, value) -> {
            var field = page.locator("#fields-" + key);
            if ("select".equals(field.evaluate("element => element.tagName.toLowerCase()"))) {
                field.selectOption(value);
            } else {
                field.fill(value);
            }
        });
        for (String purpose : form.consents()) {
            page.locator("#consents-" + purpose).check();
        }
        if (form.age() != null) {
            page.getByLabel("Your age in years").fill(form.age());
        }
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
