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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail and the records of processing in German and Japanese: what staff did in words rather than the
 * trail's action codes, and the Art. 30 records with their labels, roles, safeguards and time limits in the staff
 * member's language.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRecordsLanguagesInChromiumTest {

    /** An action code as the audit trail stores it: {@code read-person}, {@code rectify}. */
    private static final Pattern ACTION_CODE = Pattern.compile("[a-z]+(-[a-z]+)*");

    private static final List<String> ENGLISH = List.of(
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
    void germanStaffReadTheAuditTrailAndTheRecordsOfProcessingInGerman() {
        ConsoleReading reading = signedIn("de-DE,de;q=0.9", "Benutzername", "Passwort", "Anmelden");
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
        ConsoleReading reading = signedIn("ja", "ユーザー名", "パスワード", "ログイン");
        openAPerson(reading.page(), "内容", "探す", SeedForms.unique("haruto"));

        reading.read("/admin/audit", "ja", "監査ログ", "本人の記録を閲覧");
        assertThat(reading.page().textContent("main")).contains("本人を検索");
        assertEveryActionInWords(reading.page());

        reading.read("/admin/ropa", "ja", "処理活動の記録", "(f) 消去の期限");
        assertThat(reading.page().textContent("main")).contains("(a) 管理者", "(e) 第三国への移転", "法的根拠");
    }

    /** Whatever the other tests of this server did, each entry names its action in words, none by its code. */
    private static void assertEveryActionInWords(Page page) {
        List<String> actions = page.locator("main tbody tr td:nth-child(4)").allTextContents();
        assertThat(actions)
                .isNotEmpty()
                .noneMatch(action -> ACTION_CODE.matcher(action.strip()).matches());
    }

    private ConsoleReading signedIn(String acceptLanguage, String user, String password, String button) {
        return ConsoleReading.signedIn(chromium, port, machine, ENGLISH, acceptLanguage, user, password, button);
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
}
