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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member whose browser asks for German or Japanese reads the console in it, from the sign-in page on: every
 * main page's headings, labels and dates, with no English label left and no machine word; the switch in the header
 * changes the language and the choice holds on the next page. The audit trail names each action in words and the
 * records of processing write their labels, roles, safeguards and time limits in that language.
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

    /** The action codes the product records, as the console's bundle names them: {@code read-person}, … */
    private static final Set<String> PRODUCT_ACTIONS = productActions();

    /** Labels of the audit trail and the records of processing that must not be left in English. */
    private static final List<String> RECORDS_ENGLISH = List.of(
            "Sign out",
            "Records of processing",
            "(a) Controller",
            "(b) Purposes",
            "(d) Recipients",
            "Legal bases",
            "Data categories",
            "Time limit for erasure",
            "Security measures",
            "Transfers to third countries",
            "no safeguard",
            "statutory minimum",
            "(processor, ",
            "Read a person",
            "Searched for a person");

    @LocalServerPort
    int port;

    @Autowired
    Catalogs catalogs;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    MachineWords machine;
    ConsoleReading reading;

    @BeforeAll
    void launch() {
        machine = MachineWords.of(catalogs);
    }

    @Test
    void aGermanBrowserReadsTheConsoleInGerman() {
        String email = Canary.email(SeedForms.unique("greta"));
        String request = AccessRequests.received(port, email);
        Page page = signedIn("de-DE,de;q=0.9,en;q=0.5", "Benutzername", "Passwort", "Anmelden");

        reading.read("/admin", "de", "Übersicht", "Betroffenenanträge mit überschrittener Frist");
        reading.read("/admin/requests", "de", "Betroffenenanträge", "Zu beantworten");
        assertThat(page.textContent("main")).containsPattern("Noch \\d+ Tage");
        reading.read("/admin/requests/" + request, "de", "Antrag: Auskunft", "Eingereicht");
        reading.read("/admin/holds", "de", "Aufbewahrungssperren", "Sperre setzen");
        reading.read("/admin/retention", "de", "Aufbewahrung", "Löschzertifikate");
        reading.read("/admin/password", "de", "Ihr Passwort", "Aktuelles Passwort");

        reading.read("/admin/people", "de", "Person finden", "E-Mail-Adresse");
        page.getByLabel("Wert").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suchen"))
                .click();
        page.getByText("Eine Person auf").first().click();
        reading.checked("de", "Eine Person", "Was die Person identifiziert");
        assertThat(page.textContent("main")).contains("Auskunft").contains("Zu beantworten (Noch ");
    }

    @Test
    void aJapaneseBrowserReadsTheConsoleInJapaneseAndTheSwitchKeepsAnotherChoice() {
        String request = AccessRequests.received(port, Canary.email(SeedForms.unique("kenji")));
        Page page = signedIn("ja,en-US;q=0.7", "ユーザー名", "パスワード", "ログイン");

        reading.read("/admin", "ja", "概要", "期限を過ぎた権利行使の請求");
        reading.read("/admin/requests", "ja", "権利行使の請求", "回答待ち");
        reading.read("/admin/requests/" + request, "ja", "請求:開示", "受付");
        assertThat(page.textContent("main")).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
        reading.read("/admin/holds", "ja", "リーガルホールド", "ホールドを設定する");
        reading.read("/admin/retention", "ja", "保存期間", "削除証明書");
        reading.read("/admin/people", "ja", "本人を探す", "メールアドレス");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deutsch"))
                .click();
        reading.checked("de", "Person finden", "E-Mail-Adresse");
        reading.read("/admin/requests", "de", "Betroffenenanträge", "Zu beantworten");

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
        reading = ConsoleReading.signedIn(chromium, port, machine, ENGLISH, acceptLanguage, user, password, button);
        return reading.page();
    }

    @Test
    void germanStaffReadTheAuditTrailAndTheRecordsOfProcessingInGerman() {
        ConsoleReading reading = recordsReader("de-DE,de;q=0.9", "Benutzername", "Passwort", "Anmelden");
        openAPerson(reading.page(), "Wert", "Suchen", SeedForms.unique("grete"));

        reading.read("/admin/audit", "de", "Prüfprotokoll", "Personenakte gelesen");
        assertThat(reading.page().textContent("main")).contains("Person gesucht");
        assertEveryActionInWords(reading.page());

        reading.read("/admin/ropa", "de", "Verzeichnis von Verarbeitungstätigkeiten", "(f) Löschfristen");
        assertThat(reading.page().textContent("main"))
                .contains("(a) Verantwortlicher", "(e) Übermittlungen in Drittländer", "Rechtsgrundlagen")
                .contains("Einwilligung (");
    }

    @Test
    void japaneseStaffReadThemInJapanese() {
        ConsoleReading reading = recordsReader("ja", "ユーザー名", "パスワード", "ログイン");
        openAPerson(reading.page(), "内容", "探す", SeedForms.unique("haruto"));

        reading.read("/admin/audit", "ja", "監査ログ", "本人の記録を閲覧");
        assertThat(reading.page().textContent("main")).contains("本人を検索");
        assertEveryActionInWords(reading.page());

        reading.read("/admin/ropa", "ja", "処理活動の記録", "(f) 消去の期限");
        assertThat(reading.page().textContent("main")).contains("(a) 管理者", "(e) 第三国への移転", "法的根拠");
    }

    /**
     * Every action the product records is named in words, none by its code. Other tests of this server also write
     * entries with actions of their own making (the vault's tests, {@code read-record}), which have no words and are
     * shown as their code, so only the product's codes (those the console's bundle names) count here.
     */
    private static void assertEveryActionInWords(Page page) {
        List<String> actions = page.locator("main tbody tr td:nth-child(4)").allTextContents();
        assertThat(actions).isNotEmpty().noneMatch(action -> PRODUCT_ACTIONS.contains(action.strip()));
    }

    private static Set<String> productActions() {
        Properties bundle = new Properties();
        try (InputStream in = ConsoleLanguagesInChromiumTest.class.getResourceAsStream("/console.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> codes = bundle.stringPropertyNames().stream()
                .filter(key -> key.startsWith("console.audit.action."))
                .map(key -> key.substring("console.audit.action.".length()))
                .collect(Collectors.toSet());
        assertThat(codes).contains("read-person", "find-person");
        return codes;
    }

    /** Searches a person by e-mail address and opens their file, which the audit trail records. */
    private void openAPerson(Page page, String valueLabel, String searchButton, String name) {
        String email = Canary.email(name);
        AccessRequests.received(port, email);
        page.navigate("/admin/people");
        page.getByLabel(valueLabel).fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(searchButton))
                .click();
        page.locator("main a[href^='/admin/people/']").first().click();
        assertThat(page.url()).contains("/admin/people/");
    }

    private ConsoleReading recordsReader(String acceptLanguage, String user, String password, String button) {
        return ConsoleReading.signedIn(
                chromium, port, machine, RECORDS_ENGLISH, acceptLanguage, user, password, button);
    }
}
