package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Mailboxes;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor who sends a form and confirms its double opt-in from their mailbox reads the "sent", confirmation and
 * "confirmed" pages in their browser's language among the site's: Olympus in German (its purposes translated), Omron
 * in Japanese (its purposes in English only, so marked as English for screen readers), and Omron in English unchanged.
 */
@StewardTest
class IntakePagesLanguagesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | omron | Thank you | Please check your mailbox: we sent you a link to confirm | Communicate special"
                        + " offers and featured items to you, if you choose to receive such notices | Confirm your"
                        + " subscription | Yes, I confirm | Thank you for confirming | Receipt: | - | Please confirm"
                        + " your subscription to Omronhealthcare.com",
                "de | olympus | Vielen Dank | Bitte sehen Sie in Ihr Postfach | Versand unseres Newsletters mit"
                        + " interessanten Angeboten zu unseren Produkten und Dienstleistungen | Bestätigen Sie Ihr"
                        + " Abonnement | Ja, ich bestätige | Vielen Dank für Ihre Bestätigung | Beleg: |"
                        + " Ihre Einwilligungsbelege | Bitte bestätigen Sie Ihre Anmeldung bei",
                "ja | omron | ありがとうございます | メールボックスをご確認ください | Communicate special offers and featured"
                        + " items to you, if you choose to receive such notices | 購読の確認 | はい、確認します |"
                        + " ご確認ありがとうございます | 控え： | - | 配信登録の確認をお願いします"
            })
    void theSentConfirmAndConfirmedPagesSpeakTheVisitorsLanguage(
            String language,
            String site,
            String thanks,
            String checkMailbox,
            String purpose,
            String confirmTitle,
            String button,
            String confirmedTitle,
            String receipt,
            String receiptsHeading,
            String mailSubject) {
        Filled form = site.equals("omron")
                ? SeedForms.omronCustomerService().ticking("special-offers")
                : SeedForms.olympusNewsletter();
        // Omron's purposes are English only: on a Japanese page each is marked, on an English one nothing is
        String marked = language.equals("ja") ? " lang=\"en\"" : "";
        Visitor visitor = new Visitor(port);
        String path = form.path() + "?region=" + form.region();
        String csrf =
                Console.csrf(visitor.get(path, "Accept-Language", language).body());
        HttpResponse<String> posted = visitor.postForm(path, form.formFields(csrf), "Accept-Language", language);
        String sent = sentPage(visitor, posted, language);
        assertThat(sent).contains("<html lang=\"" + language + "\"").contains("<span" + marked + ">" + purpose);
        assertThat(heading(sent)).isEqualTo(thanks);
        assertThat(Pages.text(sent)).contains(checkMailbox);
        if (!receiptsHeading.equals("-")) {
            assertThat(Pages.text(sent)).contains(receiptsHeading);
        }

        // the mail asking to confirm is in the language the form was filled in
        String link = Mailboxes.link(port, form.email(), mailSubject, "/s/" + form.site() + "/confirm/");
        String confirm = visitor.get(link, "Accept-Language", language).body();
        assertThat(confirm)
                .contains("<html lang=\"" + language + "\"")
                .contains("<li" + marked + ">" + purpose + "</li>")
                .contains(">" + button + "</button>");
        assertThat(heading(confirm)).isEqualTo(confirmTitle);
        if (marked.isEmpty()) {
            assertThat(confirm.substring(confirm.indexOf("<main"), confirm.indexOf("</main>")))
                    .as("nothing the page shows in its own language is marked")
                    .doesNotContain(" lang=\"");
        }

        HttpResponse<String> confirmed =
                visitor.postForm(link, Map.of("_csrf", Console.csrf(confirm)), "Accept-Language", language);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("<html lang=\"" + language + "\"");
        assertThat(heading(confirmed.body())).isEqualTo(confirmedTitle);
        assertThat(Pages.text(confirmed.body()))
                .as("the receipt named by the consent it proves, not numbered")
                .contains(receipt + " " + purpose);
    }

    /** The page an accepted form leads to, in the same browser and language. */
    private static String sentPage(Visitor visitor, HttpResponse<String> posted, String language) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return visitor.get(URI.create(location).getPath(), "Accept-Language", language)
                .body();
    }

    private static String heading(String page) {
        Matcher h1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(page);
        assertThat(h1.find()).as("the page has a heading").isTrue();
        return Pages.text(h1.group(1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de | Wir brauchen Ihre Eltern oder Erziehungsberechtigten | Das Formular Ihres Kindes | Ablehnen und das"
                        + " Formular löschen | Vielen Dank | Beleg: Monthly lab newsletter | Bitte bestätigen Sie das Formular Ihres"
                        + " Kindes",
                "ja | 保護者の方の同意が必要です | お子様のフォーム | 拒否してフォームを削除する | ありがとうございます | 控え： Monthly lab newsletter |"
                        + " お子様のフォームの確認をお願いします"
            })
    void aChildsParentReadsTheConsentPagesInTheirLanguageWithTheLabsEnglishTextsMarked(
            String language,
            String childSees,
            String parentPage,
            String refuse,
            String thanks,
            String receipt,
            String mailSubject) {
        Visitor child = new Visitor(port);
        String path = "/s/lab/forms/order?region=EU";
        String parent = Canary.email(SeedForms.unique("parent-" + language));
        HttpResponse<String> posted = child.postForm(
                path,
                List.of(
                        Map.entry(
                                "_csrf",
                                Console.csrf(child.get(path, "Accept-Language", language)
                                        .body())),
                        Map.entry("fields.email", Canary.email(SeedForms.unique("child-" + language))),
                        Map.entry("fields.name", Canary.name("Kim")),
                        Map.entry("fields.cardToken", "tok_canary" + language),
                        Map.entry("consents", "newsletter"),
                        Map.entry("birthDate", "2015-05-01"),
                        Map.entry("parentEmail", parent),
                        Map.entry("website", "")),
                "Accept-Language",
                language);
        String sent = sentPage(child, posted, language);
        assertThat(sent).contains("<html lang=\"" + language + "\"");
        assertThat(heading(sent)).isEqualTo(childSees);

        Visitor guardian = new Visitor(port);
        String link = Mailboxes.link(port, parent, mailSubject, "/s/lab/parental-consent/");
        String page = guardian.get(link, "Accept-Language", language).body();
        assertThat(page)
                .contains("<html lang=\"" + language + "\"")
                .as("the lab catalog's texts, English only, each marked")
                .contains("<q lang=\"en\">Order</q>")
                .contains("<li lang=\"en\">E-mail</li>")
                .contains("<li lang=\"en\">Send me the monthly lab newsletter.</li>")
                .contains(">" + refuse + "</button>");
        assertThat(heading(page)).isEqualTo(parentPage);

        HttpResponse<String> decided = guardian.postForm(
                link, Map.of("_csrf", Console.csrf(page), "decision", "confirm"), "Accept-Language", language);
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("<html lang=\"" + language + "\"");
        assertThat(heading(decided.body())).isEqualTo(thanks);
        assertThat(Pages.text(decided.body())).contains(receipt);
    }

    @ParameterizedTest
    @CsvSource({"en, We cannot accept your form, -", "ja, このフォームはお受けできません, ' lang=\"en\"'"})
    void theRefusalForAgeIsInTheVisitorsLanguageWithTheCatalogsNoticeMarked(
            String language, String title, String marked) {
        Visitor visitor = new Visitor(port);
        Filled child = SeedForms.omronContest().age("11");
        String path = child.path() + "?region=" + child.region();
        String csrf =
                Console.csrf(visitor.get(path, "Accept-Language", language).body());
        HttpResponse<String> refused = visitor.postForm(path, child.formFields(csrf), "Accept-Language", language);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<html lang=\"" + language + "\"")
                .contains("<p role=\"status\"" + (marked.equals("-") ? "" : marked)
                        + ">Omronhealthcare.com does not intentionally collect");
        assertThat(heading(refused.body())).isEqualTo(title);
    }
}
