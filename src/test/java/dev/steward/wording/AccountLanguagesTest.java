package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Inbox;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor of the lab site (English, German, Japanese) signs in, is refused, asks for a new password and registers in
 * the language their browser asks for: the account pages, their refusals (same field and code for programs) and the
 * verification mail all speak it, with dates in words.
 */
@StewardTest
class AccountLanguagesTest {

    private static final String JOIN = "/s/lab/forms/join?region=EU";
    private static final String ISO_DATE = ".*\\d{4}-\\d{2}-\\d{2}.*";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "en, Sign in, User name or e-mail address, 'The user name, e-mail address or password is not right.',"
                + " Reset your password, Send me a link",
        "de, Anmelden, Benutzername oder E-Mail-Adresse, 'Benutzername, E-Mail-Adresse oder Passwort sind nicht"
                + " richtig.', Passwort zurücksetzen, Link senden",
        "ja, ログイン, ユーザー名またはメールアドレス, ユーザー名、メールアドレス、またはパスワードが正しくありません。," + " パスワードの再設定, リンクを送信する"
    })
    void theSignInAndResetPagesAndARefusedSignInSpeakTheBrowsersLanguage(
            String language, String title, String loginLabel, String wrong, String resetTitle, String send) {
        Visitor visitor = new Visitor(port);
        HttpResponse<String> login = visitor.get("/s/lab/account/login", "Accept-Language", language);
        assertThat(login.body()).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(login.body())).contains(title).contains(loginLabel);

        HttpResponse<String> refused = visitor.postForm(
                "/s/lab/account/login",
                Map.of(
                        "_csrf",
                        Console.csrf(login.body()),
                        "login",
                        Canary.email("nobody-" + language),
                        "password",
                        "not-the-password"),
                "Accept-Language",
                language);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.text(refused.body())).contains(wrong);
        assertThat(refused.body())
                .as("the field keeps its name whatever the language")
                .contains("id=\"login-error\"");

        HttpResponse<String> reset = visitor.get("/s/lab/account/reset", "Accept-Language", language);
        assertThat(reset.body()).contains("<html lang=\"" + language + "\"");
        assertThat(Pages.text(reset.body())).contains(resetTitle).contains(send);
    }

    @ParameterizedTest
    @CsvSource({
        "en, Confirm your e-mail address for Steward Lab, it works until, Confirm your e-mail address,"
                + " This is not the password chosen when the account was registered., Your address is confirmed,"
                + " My privacy, E-mail address (confirmed)",
        "de, Bestätigen Sie Ihre E-Mail-Adresse für Steward Lab, er gilt bis, Bestätigen Sie Ihre E-Mail-Adresse,"
                + " 'Dies ist nicht das Passwort, das bei der Registrierung des Kontos gewählt wurde.',"
                + " Ihre Adresse ist bestätigt, Meine Privatsphäre, E-Mail-Adresse (bestätigt)",
        "ja, Steward Labのメールアドレスの確認, 有効期限：, メールアドレスの確認, アカウント登録時に設定したパスワードではありません。,"
                + " メールアドレスが確認されました, マイプライバシー, メールアドレス（確認済み）"
    })
    void theVerificationMailAndItsPageSpeakTheLanguageOfTheRegistration(
            String language,
            String subject,
            String until,
            String pageTitle,
            String wrongPassword,
            String confirmed,
            String myPrivacy,
            String confirmedAddress) {
        Visitor visitor = new Visitor(port);
        String email = Canary.email(SeedForms.unique("joiner-" + language));
        HttpResponse<String> form = visitor.get(JOIN, "Accept-Language", language);
        HttpResponse<String> joined = visitor.postForm(
                JOIN,
                Map.of(
                        "_csrf",
                        Console.csrf(form.body()),
                        "fields.email",
                        email,
                        "fields.password",
                        SeedForms.PASSWORD,
                        "age",
                        "30"),
                "Accept-Language",
                language);
        assertThat(joined.statusCode()).as(joined.body()).isLessThan(400);

        Inbox inbox = new Inbox(port);
        assertThat(inbox.newestTo(email).get("subjectLine").asString()).contains(subject);
        String text = inbox.newestTextTo(email);
        assertThat(text).contains(until);
        assertThat(text.replaceAll("/s/lab/account/verify/\\S+", ""))
                .as("dates in words")
                .doesNotMatch("(?s)" + ISO_DATE);

        String link = inbox.find(email, "https?://[^/\\s]+(/s/lab/account/verify/\\S+)");
        HttpResponse<String> page = visitor.get(link, "Accept-Language", language);
        assertThat(Pages.text(page.body())).contains(pageTitle);
        HttpResponse<String> refused = visitor.postForm(
                link,
                Map.of("_csrf", Console.csrf(page.body()), "password", "not-the-password"),
                "Accept-Language",
                language);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.text(refused.body())).contains(wrongPassword);

        HttpResponse<String> verified = visitor.postForm(
                link,
                Map.of("_csrf", Console.csrf(page.body()), "password", SeedForms.PASSWORD),
                "Accept-Language",
                language);
        assertThat(Pages.text(verified.body())).contains(confirmed);
        String login =
                visitor.get("/s/lab/account/login", "Accept-Language", language).body();
        visitor.postForm(
                "/s/lab/account/login",
                Map.of("_csrf", Console.csrf(login), "login", email, "password", SeedForms.PASSWORD),
                "Accept-Language",
                language);
        String privacy =
                visitor.get("/s/lab/account", "Accept-Language", language).body();
        assertThat(privacy).contains("<html lang=\"" + language + "\"").doesNotContain("??");
        assertThat(Pages.text(privacy)).contains(myPrivacy).contains(confirmedAddress);
        assertThat(privacy)
                .as("the lab names its account activity in English only: marked so inside another language's page")
                .contains(language.equals("en") ? "<span>Lab account</span>" : "<span lang=\"en\">Lab account</span>");
    }
}
