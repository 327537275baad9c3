package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.catalog.Catalogs;
import dev.steward.test.AccessRequests;
import dev.steward.test.Canary;
import dev.steward.test.Chromium;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.wording.MachineWords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member whose browser asks for German or Japanese reads the console in it, from the sign-in page on: every
 * main page's headings, labels and dates, with no English label left and no machine word; the switch in the header
 * changes the language and the choice holds on the next page.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLanguagesInChromiumTest {

    /** Labels of the translated pages that must not be left in English on a German or Japanese page. */
    private static final List<String> ENGLISH = List.of(
            "Overview",
            "Rights requests",
            "Sign out",
            "Needs attention",
            "Where it stands",
            "Answer by",
            "To answer",
            "days left",
            "Find a person",
            "What identifies them",
            "Legal holds",
            "Place a hold",
            "Deletion certificates",
            "What will be deleted",
            "Your password",
            "Current password",
            "History",
            "Submitted");

    @LocalServerPort
    int port;

    @Autowired
    Catalogs catalogs;

    Chromium chromium;
    MachineWords machine;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
        machine = MachineWords.of(catalogs);
    }

    @AfterAll
    void close() {
        chromium.close();
    }

    @Test
    void aGermanBrowserReadsTheConsoleInGerman() {
        String email = Canary.email(SeedForms.unique("greta"));
        String request = AccessRequests.received(port, email);
        Page page = signedIn("de-DE,de;q=0.9,en;q=0.5", "Benutzername", "Passwort", "Anmelden");

        read(page, "/admin", "de", "Übersicht", "Betroffenenanträge mit überschrittener Frist");
        read(page, "/admin/requests", "de", "Betroffenenanträge", "Zu beantworten");
        assertThat(page.textContent("main")).containsPattern("Noch \\d+ Tage");
        read(page, "/admin/requests/" + request, "de", "Antrag: Auskunft", "Eingereicht");
        read(page, "/admin/holds", "de", "Aufbewahrungssperren", "Sperre setzen");
        read(page, "/admin/retention", "de", "Aufbewahrung", "Löschzertifikate");
        read(page, "/admin/password", "de", "Ihr Passwort", "Aktuelles Passwort");

        read(page, "/admin/people", "de", "Person finden", "E-Mail-Adresse");
        page.getByLabel("Wert").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suchen"))
                .click();
        page.getByText("Eine Person auf").first().click();
        checked(page, "de", "Eine Person", "Was die Person identifiziert");
        assertThat(page.textContent("main")).contains("Auskunft").contains("Zu beantworten (Noch ");
    }

    @Test
    void aJapaneseBrowserReadsTheConsoleInJapaneseAndTheSwitchKeepsAnotherChoice() {
        String request = AccessRequests.received(port, Canary.email(SeedForms.unique("kenji")));
        Page page = signedIn("ja,en-US;q=0.7", "ユーザー名", "パスワード", "ログイン");

        read(page, "/admin", "ja", "概要", "期限を過ぎた権利行使の請求");
        read(page, "/admin/requests", "ja", "権利行使の請求", "回答待ち");
        read(page, "/admin/requests/" + request, "ja", "請求:開示", "受付");
        assertThat(page.textContent("main")).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
        read(page, "/admin/holds", "ja", "リーガルホールド", "ホールドを設定する");
        read(page, "/admin/retention", "ja", "保存期間", "削除証明書");
        read(page, "/admin/people", "ja", "本人を探す", "メールアドレス");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deutsch"))
                .click();
        checked(page, "de", "Person finden", "E-Mail-Adresse");
        read(page, "/admin/requests", "de", "Betroffenenanträge", "Zu beantworten");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo("Rights requests");
        page.navigate("/admin");
        assertThat(page.textContent("main"))
                .contains("Needs attention")
                .contains("rights requests past their deadline");
    }

    /** The other translated pages, each opened in German: the page's language and its heading. */
    @Test
    void everyOtherTranslatedPageIsInGermanToo() {
        Page page = signedIn("de", "Benutzername", "Passwort", "Anmelden");
        Map<String, String> headings = Map.ofEntries(
                Map.entry("/admin/inquiries", "Anfragen"),
                Map.entry("/admin/audit", "Prüfprotokoll"),
                Map.entry("/admin/evidence", "Nachweisketten"),
                Map.entry("/admin/api-keys", "API-Schlüssel"),
                Map.entry("/admin/staff", "Mitarbeitende"),
                Map.entry("/admin/staff/admin", "Mitarbeitende(r) admin"),
                Map.entry("/admin/mailbox", "Postfach"),
                Map.entry("/admin/campaigns", "Kampagnen"),
                Map.entry("/admin/identity", "Zu prüfende Personen"),
                Map.entry("/admin/cookies", "Cookie-Einwilligungen"),
                Map.entry("/admin/notice-changes", "Änderungen der Datenschutzerklärung"));
        headings.forEach((path, heading) -> {
            page.navigate(path);
            assertThat(page.locator("html").getAttribute("lang")).as(path).isEqualTo("de");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                            .textContent())
                    .as(path)
                    .isEqualTo(heading);
            assertThat(page.textContent("body")).as(path).doesNotContain("Sign out", "Overview");
        });
    }

    @Test
    void aBrowserAskingForALanguageTheConsoleLacksGetsEnglish() {
        Page page = chromium.page(port, Map.of("Accept-Language", "fr-FR,fr;q=0.9"), false);
        page.navigate("/login");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.getByRole(AriaRole.HEADING).first().textContent()).isEqualTo("Staff sign-in");

        // a language Steward has no words for is not taken from the switch either
        page.navigate("/login?lang=fr");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    }

    private Page signedIn(String acceptLanguage, String user, String password, String button) {
        Page page = chromium.page(port, Map.of("Accept-Language", acceptLanguage), false);
        page.navigate("/admin");
        assertThat(page.url()).endsWith("/login");
        page.getByLabel(user).fill("admin");
        page.getByLabel(password).fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
        assertThat(page.url()).endsWith("/admin");
        return page;
    }

    private void read(Page page, String path, String language, String heading, String word) {
        page.navigate(path);
        checked(page, language, heading, word);
    }

    private void checked(Page page, String language, String heading, String word) {
        String url = page.url();
        assertThat(page.locator("html").getAttribute("lang")).as(url).isEqualTo(language);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .as(url)
                .isEqualTo(heading);
        String body = page.textContent("body");
        assertThat(body).as(url).contains(word);
        assertThat(ENGLISH).as(url).noneMatch(body::contains);
        // identifiers staff copy into the CLI or API (a subject's id, an activity's key) are set apart as code
        String words = (String) page.locator("body")
                .evaluate("b => { const c = b.cloneNode(true); c.querySelectorAll('code').forEach(e => e.remove());"
                        + " return c.textContent; }");
        assertThat(machine.in(words)).as(url).isEmpty();
    }
}
