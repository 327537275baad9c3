package dev.steward.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.Rows;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The neutral age screen of seed 002 (Omron, US: children under 13 are refused), as the FTC's COPPA guidance
 * describes it: the form does not give the age away before the visitor answers; a refused visitor gets nothing of
 * what they typed back, and their browser cannot change the age and send again during the session.
 */
@StewardTest
class AgeScreenTest {

    private static final String NOTICE =
            "does not intentionally collect personal information about children under the age of 13";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noOmronFormStatesTheAgeThatMattersBeforeTheVisitorAnswers() {
        for (Filled form :
                List.of(SeedForms.omronCustomerService(), SeedForms.omronContest(), SeedForms.omronAccount())) {
            String page = new Visitor(port).get(form.path()).body();
            java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*id=\"age\"[^>]*>")
                    .matcher(page);
            assertThat(input.find()).as(form.form()).isTrue();
            String ageQuestion = input.group();

            assertThat(Pages.text(page))
                    .as(form.form())
                    .contains("Your age in years")
                    .doesNotContain(NOTICE)
                    .doesNotContainPattern("\\b13\\b")
                    .doesNotContainIgnoringCase("under the age")
                    .doesNotContainIgnoringCase("years old");
            assertThat(ageQuestion)
                    .as("a free answer: nothing pre-filled, no range, no list of ages")
                    .contains("value=\"\"")
                    .doesNotContain(" min=")
                    .doesNotContain(" max=")
                    .doesNotContain(" pattern=")
                    .doesNotContain(" list=");
            assertThat(page).doesNotContain("<select id=\"age\"").doesNotContain("id=\"age-hint\"");
        }
    }

    @Test
    void aRefusalKeepsNothingTypedAndTheSameBrowserCannotChangeTheAgeAndSendAgain() {
        Visitor browser = new Visitor(port);
        Filled child = SeedForms.omronContest().age("11");
        Map<String, Long> before = Rows.count(jdbc);

        HttpResponse<String> refused = post(browser, child);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.text(refused.body()))
                .contains("We cannot accept your form")
                .contains(NOTICE);
        assertNothingTyped(refused, child);

        HttpResponse<String> again = post(browser, child.age("30"));
        assertThat(again.statusCode()).as("the same browser, now saying 30").isEqualTo(403);
        assertThat(Pages.text(again.body())).contains(NOTICE);
        assertNothingTyped(again, child);
        HttpResponse<String> reopened = browser.get(child.path());
        assertThat(reopened.statusCode()).isEqualTo(403);
        assertThat(reopened.body()).doesNotContain("name=\"fields.").doesNotContain("name=\"age\"");
        assertThat(browser.get(SeedForms.omronAccount().path()).statusCode())
                .as("every form of the site")
                .isEqualTo(403);
        assertThat(Rows.grownSince(jdbc, before)).as("nothing stored").isEmpty();

        assertThat(browser.get(SeedForms.olympusContact().path()).statusCode())
                .as("another site's forms")
                .isEqualTo(200);
        assertThat(post(new Visitor(port), child.age("30")).statusCode())
                .as("a new browser (or cleared cookies) can answer again: inherent, and said in the README")
                .isEqualTo(302);
    }

    /**
     * Seed 002 sends the child to a parent or guardian "for assistance"; the refusal left them at a closed form with
     * nothing to do (outside22 F8). It says, in the visitor's language, what the parent can do and links the notice
     * it quotes.
     */
    @Test
    void theRefusalTellsWhatAParentOrGuardianCanDoInTheVisitorsLanguage() {
        Visitor browser = new Visitor(port);
        Filled child = SeedForms.omronContest().age("12");

        HttpResponse<String> refused = post(browser, child);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.text(refused.body()))
                .contains("What a parent or guardian can do")
                .contains("use this site for you: they fill in a form in their own name, with their own details, in"
                        + " their own browser")
                .contains("the site's forms stay closed for the rest of this visit");
        assertThat(refused.body())
                .contains("<a href=\"/s/omron-healthcare/privacy?region=US\">Read the privacy notice</a>");
        assertThat(browser.get("/s/omron-healthcare/privacy?region=US").statusCode())
                .as("the notice stays open to the refused browser")
                .isEqualTo(200);

        String japanese = browser.get(child.path(), "Accept-Language", "ja").body();
        assertThat(Pages.text(japanese))
                .contains("保護者の方にできること")
                .contains("ご自身のブラウザからフォームにご記入ください")
                .doesNotContain("What a parent or guardian can do");
        assertThat(japanese).contains(">プライバシーポリシーを読む</a>");
        assertNothingTyped(refused, child);
    }

    @Test
    void theJsonApiRefusesAChildStoringNothingButHasNoBrowserSessionToMark() {
        Visitor caller = new Visitor(port);
        Filled child = SeedForms.omronCustomerService().age("12");
        Map<String, Long> before = Rows.count(jdbc);

        HttpResponse<String> refused = caller.postJson(child.apiPath(), child.json());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Json.read(refused.body()).get("errors").get(0).get("code").asString())
                .isEqualTo("too-young");
        assertThat(refused.body()).doesNotContain(child.email());
        assertThat(Rows.grownSince(jdbc, before)).isEmpty();
        assertThat(refused.headers().firstValue("Set-Cookie"))
                .as("the API keeps no session")
                .isEmpty();
    }

    @Test
    void olympusStillAsksAChildUnder16ForTheParentsAddressAndKeepsWhatWasTyped() {
        Filled child = SeedForms.olympusContact().age("15");
        Visitor browser = new Visitor(port);

        HttpResponse<String> needsParent = post(browser, child);
        assertThat(needsParent.statusCode()).isEqualTo(422);
        assertThat(Pages.textOf(needsParent.body(), "id=\"error-summary\""))
                .contains("enter the e-mail address of a parent or guardian");
        assertThat(needsParent.body()).contains("value=\"" + child.fields().get("firstName") + "\"");

        HttpResponse<String> held = post(browser, child.parent("parent-of-" + child.email()));
        assertThat(held.statusCode()).isEqualTo(302);
    }

    private void assertNothingTyped(HttpResponse<String> page, Filled form) {
        form.fields()
                .values()
                .forEach(typed -> assertThat(page.body())
                        .as("the page echoes nothing typed")
                        .doesNotContain(typed));
        assertThat(page.body())
                .doesNotContain("name=\"fields.")
                .doesNotContain("value=\"" + form.age() + "\"")
                .doesNotContain("value=\"30\"");
    }

    private HttpResponse<String> post(Visitor visitor, Filled form) {
        String csrf =
                Console.csrf(visitor.get(SeedForms.olympusContact().path()).body());
        return visitor.postForm(form.path() + "?region=" + form.region(), form.formFields(csrf));
    }
}
