package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.Pages;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor of the lab site (English, German, Japanese) reads its privacy center and its request mail in the language
 * their browser asks for, and switches language with the site's switch; untranslated catalog texts say so.
 */
@StewardTest
class VisitorLanguagesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

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
        "en, Sites, Staff console, Forms, Privacy center: exercise your rights",
        "de, Websites, Mitarbeiterkonsole, Formulare, Datenschutzcenter: Ihre Rechte ausüben",
        "ja, サイト, スタッフコンソール, フォーム, プライバシーセンター：権利を行使する"
    })
    void theListOfSitesAndASitesShellSpeakTheBrowsersLanguage(
            String language, String sites, String console, String forms, String center) {
        Visitor visitor = new Visitor(port);
        String home =
                visitor.get("/", "Accept-Language", language + ", en;q=0.5").body();
        assertThat(home).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(home)).contains(sites).contains(console);
        String shell = visitor.get("/s/lab/", "Accept-Language", language).body();
        assertThat(shell).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(shell)).contains(forms).contains(center);
    }

    @ParameterizedTest
    @CsvSource({"en, Send, Your date of birth", "de, Senden, Ihr Geburtsdatum", "ja, 送信, 生年月日"})
    void untranslatedCatalogTextsAreMarkedAsEnglishForScreenReaders(String language, String send, String birthDate) {
        Visitor visitor = new Visitor(port);
        String english = language.equals("en") ? "" : " lang=\"en\"";
        assertThat(visitor.get("/s/lab/forms/order?region=EU", "Accept-Language", language)
                        .body())
                .as("a form whose title, labels and help the catalog gives in English only")
                .contains("<h1" + english + ">Order</h1>")
                .contains("<span" + english + ">E-mail</span>")
                .contains(english + ">The payment provider&#39;s token for your card.</p>")
                .as("the page's own words, in its language")
                .contains(">" + send + "</button>")
                .contains(">" + birthDate);
        assertThat(visitor.get("/s/lab/privacy-center/rights/erasure?region=EU", "Accept-Language", language)
                        .body())
                .as("a right the catalog writes in English only")
                .contains("<span" + english + ">Erasure</span>")
                .contains("<div" + english + "><p>Have your data erased.</p>")
                .contains(english + ">The data is no longer necessary.</label>");
    }

    @ParameterizedTest
    @CsvSource({"en, Version", "de, Fassung", "ja, バージョン"})
    void aNoticeMarksEachPartItShowsUntranslated(String language, String version) {
        Visitor visitor = new Visitor(port);
        String english = language.equals("en") ? "" : " lang=\"en\"";
        String notice = visitor.get("/s/lab/privacy?region=EU", "Accept-Language", language)
                .body();
        assertThat(notice)
                .contains("<html lang=\"" + language + "\"")
                .as("the catalog's texts, English only in the lab catalog")
                .contains("<h1" + english + ">Lab privacy notice</h1>")
                .contains(english + ">Steward Lab</a>")
                .contains("<h3" + english + ">Lab newsletter</h3>")
                .contains("<span" + english + ">Subscribers</span>")
                .contains("<span" + english + ">Lab Accounting Partner GmbH</span>")
                .contains("<span" + english + ">Erasure</span>")
                .contains("<li" + english + ">The data is no longer necessary.</li>")
                .as("a text inside a sentence of the page's own words is marked alone")
                .contains((english.isEmpty() ? "“" : "<span lang=\"en\">") + "Send me the monthly lab newsletter.")
                .as("the page's own words are not marked")
                .contains("<span>" + version + " <strong>");
        if (english.isEmpty()) {
            assertThat(notice.substring(notice.indexOf("<main"), notice.indexOf("</main>")))
                    .as("nothing in the English notice is marked")
                    .doesNotContain(" lang=\"");
        }
        assertThat(visitor.get("/s/lab/privacy.json?region=EU", "Accept-Language", language)
                        .body())
                .as("the notice's data names no page marks")
                .doesNotContain("\"lang\"");
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

    @ParameterizedTest
    @CsvSource({
        "de, Wir brauchen mehr Zeit für Ihre Anfrage, Wir antworten bis zum",
        "ja, ご請求への回答にお時間をいただきます, までに回答いたします"
    })
    void aMailAStaffActionSendsLaterIsInTheLanguageTheRequesterAskedIn(
            String language, String subject, String answerBy) {
        Http http = new Http(port);
        String email = Canary.email("extended-" + language);
        HttpResponse<String> submitted = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"access\",\"email\":\"" + email + "\",\"region\":\"EU\"}",
                "Accept-Language",
                language);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String token = new Inbox(port).find(email, "verify\\?token=([\\w-]+)");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        String id = Json.read(submitted.body()).get("request").asString();

        clock.advance(Duration.ofSeconds(1));
        String[] staffInEnglish = {
            "Authorization", Http.basic("admin", StewardTest.ADMIN_PASSWORD)[1], "Accept-Language", "en"
        };
        assertThat(http.postJson(
                                "/api/v1/admin/requests/" + id + "/extend",
                                "{\"extension\":\"P2M\",\"reason\":\"Three systems.\"}",
                                staffInEnglish)
                        .statusCode())
                .isEqualTo(200);
        Inbox inbox = new Inbox(port);
        assertThat(inbox.newestTo(email).get("subjectLine").asString()).contains(subject);
        assertThat(inbox.newestTextTo(email)).contains(answerBy).contains("Three systems.");
    }
}
