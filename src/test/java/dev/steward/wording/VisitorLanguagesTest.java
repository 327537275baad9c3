package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Inbox;
import dev.steward.test.Pages;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor of the lab site (English, German, Japanese) reads its privacy center and its request mail in the language
 * their browser asks for, and switches language with the site's switch; untranslated catalog texts say so.
 */
@StewardTest
class VisitorLanguagesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "en, Privacy center, Your e-mail address, Confirm your request, give you a copy of your data, -",
        "de, Datenschutzcenter, Ihre E-Mail-Adresse, Bestätigen Sie Ihre Anfrage, Ihnen eine Kopie Ihrer Daten zu geben,"
                + " auf Englisch",
        "ja, プライバシーセンター, メールアドレス, ご請求の確認, データの写しのご提供, 英語で表示"
    })
    void thePrivacyCenterAndItsMailSpeakTheBrowsersLanguage(
            String language, String title, String emailLabel, String subject, String asked, String fallback) {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> centre = visitor.get(
                "/s/lab/privacy-center/rights/access?region=EU", "Accept-Language", language + ";q=1, en;q=0.5");
        assertThat(centre.body()).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(centre.body())).contains(title).contains(emailLabel);
        if (!language.equals("en")) {
            // the lab catalog's own texts are English only: the page says so, in the visitor's language
            assertThat(Pages.textOf(centre.body(), "role=\"note\"")).contains(fallback);
        }

        String email = Canary.email("language-" + language);
        HttpResponse<String> sent = visitor.postForm(
                "/s/lab/privacy-center/requests",
                Map.of("_csrf", Console.csrf(centre.body()), "type", "access", "region", "EU", "email", email),
                "Accept-Language",
                language);
        assertThat(sent.statusCode()).isEqualTo(302);
        String mail = new Inbox(port).newestTo(email).get("subjectLine").asString() + "\n"
                + new Inbox(port).newestTextTo(email);
        assertThat(mail).contains(subject).contains(asked);
    }

    @ParameterizedTest
    @CsvSource({"de, Datenschutzerklärung", "ja, プライバシーポリシー"})
    void theLanguageSwitchIsKeptForTheSiteAndOffersOnlyItsLanguages(String language, String noticeLink) {
        Visitor visitor = new Visitor(port);
        String english = visitor.get("/s/lab/privacy-center/rights").body();
        assertThat(english).contains("hreflang=\"de\"").contains("hreflang=\"ja\"");

        visitor.get("/s/lab/privacy-center/rights?lang=" + language);
        String form = visitor.get("/s/lab/privacy-center/rights/access").body();
        assertThat(form).contains("<html lang=\"" + language + "\"").contains(noticeLink);

        visitor.get("/s/lab/privacy-center/rights?lang=fr");
        assertThat(visitor.get("/s/lab/privacy-center/rights").body())
                .as("a language the site does not declare changes nothing")
                .contains("<html lang=\"" + language + "\"");
    }

    @ParameterizedTest
    @CsvSource({
        "en, There is a problem, E-mail is not in the expected form., Enter your date of birth.",
        "de, Es gibt ein Problem, E-mail hat nicht die erwartete Form., Geben Sie Ihr Geburtsdatum an.",
        "ja, 入力内容に問題があります, E-mailの形式が正しくありません。, 生年月日を入力してください。"
    })
    void aRefusedFormSaysWhatIsWrongInTheVisitorsLanguage(
            String language, String summary, String badAddress, String noBirthDate) {
        Visitor visitor = new Visitor(port);
        String path = "/s/lab/forms/order?region=EU";
        HttpResponse<String> form = visitor.get(path, "Accept-Language", language);
        HttpResponse<String> refused = visitor.postForm(
                path,
                Map.of("_csrf", Console.csrf(form.body()), "fields.email", "no-at-sign"),
                "Accept-Language",
                language);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.text(refused.body()))
                .contains(summary)
                .contains(badAddress)
                .contains(noBirthDate);
    }
}
