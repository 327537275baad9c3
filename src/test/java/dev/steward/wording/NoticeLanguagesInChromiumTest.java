package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.catalog.Catalogs;
import dev.steward.platform.Sha256;
import dev.steward.test.Axe;
import dev.steward.test.Chromium;
import dev.steward.test.Console;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice and the cookie policy of the demo's sites in each language they declare (Olympus: English and German,
 * Omron: English and Japanese), as a browser shows them: the translated catalog texts, headings from the message
 * bundles, a visible note where the catalog lacks a translation, the language switch, and the rendition a consent
 * names.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeLanguagesInChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    Catalogs catalogs;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            nullValues = "-",
            value = {
                "olympus-ims; en; /privacy?region=EU; Privacy Notice | Olympus IMS; Your rights"
                        + "; To respond to your inquiries or your requests; -",
                "olympus-ims; de; /privacy?region=EU; Datenschutzerklärung | Olympus IMS; Ihre Rechte"
                        + "; Um Ihre Anfragen und Wünsche zu beantworten"
                        + "; Teile dieser Seite sind nicht ins Deutsche übersetzt, sie erscheinen auf Englisch.",
                // recipients' names and the people concerned are translated too
                "olympus-ims; de; /privacy?region=EU; Datenschutzerklärung | Olympus IMS; Ihre Rechte"
                        + "; Olympus-Vertriebspartner im EWR"
                        + "; Teile dieser Seite sind nicht ins Deutsche übersetzt, sie erscheinen auf Englisch.",
                "omron-healthcare; ja; /privacy; プライバシーポリシー | オムロン; このプライバシーポリシーの変更"
                        + "; オムロンの提携先"
                        + "; このページの一部は日本語に翻訳されていないため、英語で表示しています。",
                "olympus-ims; en; /cookies; Cookie policy; Duration; Examining the user traffic on this Website; -",
                // every text of the cookie policy is translated into German: no note
                "olympus-ims; de; /cookies; Cookie-Richtlinie; Speicherdauer; Auswertung der Nutzung dieser Website; -",
                "omron-healthcare; en; /privacy; Privacy Policy | OMRON; Changes to this notice"
                        + "; We collect personal information that you choose to provide voluntarily; -",
                "omron-healthcare; ja; /privacy; プライバシーポリシー | オムロン; このプライバシーポリシーの変更"
                        + "; 当社は、オムロンヘルスケアのウェブサイトをご利用の際に"
                        + "; このページの一部は日本語に翻訳されていないため、英語で表示しています。",
                "omron-healthcare; ja; /cookies; クッキーポリシー; 保存期間; クッキーの選択を記憶し" + "; このページの一部は日本語に翻訳されていないため、英語で表示しています。",
            })
    void eachDeclaredLanguageReadsItsTranslationWithAVisibleFallback(
            String site,
            String language,
            String path,
            String title,
            String heading,
            String catalogText,
            @Nullable String fallback) {
        Page page = chromium.page(port, Map.of("Accept-Language", language + ", en;q=0.5"), false);
        page.navigate("/s/" + site + path);

        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo(title);
        assertThat(page.textContent("main")).contains(heading).contains(catalogText);
        if (fallback == null) {
            assertThat(page.locator(".fallback").count()).isZero();
        } else {
            assertThat(page.getByRole(AriaRole.NOTE).textContent()).isEqualTo(fallback);
        }
        assertThat(MachineWords.of(catalogs).in(page.textContent("body")))
                .as("machine words on " + path + " in " + language)
                .isEmpty();
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndIsAccessibleOnAPhone() {
        Page page = chromium.phone(port);
        page.navigate("/s/olympus-ims/privacy?region=EU");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Deutsch"))
                .click();

        assertThat(page.url()).endsWith("?lang=de");
        assertThat(page.locator("h1").textContent()).isEqualTo("Datenschutzerklärung | Olympus IMS");
        assertThat(page.locator("a[hreflang=de]").getAttribute("aria-current")).isEqualTo("true");
        // the choice is kept for the site: the cookie policy, reached without the parameter, is German too
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Cookie-Richtlinie").setExact(true))
                .first()
                .click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Cookie-Richtlinie");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(375);

        Page forAxe = chromium.page(port, Map.of("Accept-Language", "de"), true);
        for (String path : new String[] {"/s/olympus-ims/privacy?region=EU", "/s/olympus-ims/cookies"}) {
            forAxe.navigate(path);
            assertThat(Axe.violations(forAxe)).as("axe-core on " + path).isEmpty();
        }
    }

    /**
     * A region the site does not serve: the German page names and links the regions there are, passes axe-core, and
     * a click leads on to that region's notice; the visitor had to edit the address by hand.
     */
    @Test
    void anUnknownRegionLeadsOnToTheRegionsThereAre() {
        Page page = chromium.page(port, Map.of("Accept-Language", "de"), true);
        page.navigate("/s/olympus-ims/privacy?region=BR");
        assertThat(page.locator("h1").textContent()).isEqualTo("Diese Seite kann so nicht gezeigt werden");
        assertThat(Axe.violations(page)).as("axe-core on the refusal").isEmpty();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Was diese Seite zur Wahl anbietet"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("European Union"))
                .click();

        assertThat(page.url()).endsWith("/s/olympus-ims/privacy?region=EU");
        assertThat(page.locator("h1").textContent()).isEqualTo("Datenschutzerklärung | Olympus IMS");
    }

    @Test
    void aVersionPublishedBeforeTheSiteDeclaredTheLanguageSaysSoInTheVisitorsLanguage() {
        Page page = chromium.page(port, Map.of("Accept-Language", "de"), false);
        page.navigate("/s/olympus-ims/privacy/v/2017-06-06");

        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.getByRole(AriaRole.NOTE).first().textContent())
                .isEqualTo("Diese Fassung der Datenschutzerklärung wurde nur auf Englisch veröffentlicht.");
    }

    @Test
    void aConsentGivenOnTheGermanRenditionNamesTheGermanRendition() {
        Visitor visitor = new Visitor(port);
        SeedForms.Filled form = SeedForms.olympusContact();
        HttpResponse<String> shown = visitor.get(form.path() + "?region=EU&lang=de");
        assertThat(shown.body()).contains("<html lang=\"de\"");
        HttpResponse<String> sent = visitor.postForm(form.path(), form.formFields(Console.csrf(shown.body())));
        assertThat(sent.statusCode()).isLessThan(400);

        Map<String, Object> event = jdbc.sql("""
                        SELECT notice_version, jurisdiction, notice_language, notice_sha256 FROM consent_event
                        WHERE site = 'olympus-ims' AND purpose = 'respond-to-inquiries' ORDER BY seq DESC LIMIT 1
                        """).query().singleRow();
        String german = jdbc.sql("""
                        SELECT r.sha256 FROM notice_rendition r JOIN notice_version v ON v.id = r.version_id
                        WHERE v.site = 'olympus-ims' AND v.version = :version AND r.region = :region
                          AND r.page = 'privacy' AND r.language = 'de'
                        """)
                .param("version", event.get("notice_version"))
                .param("region", event.get("jurisdiction"))
                .query(String.class)
                .single();
        assertThat(event).containsEntry("notice_language", "de");
        assertThat(event.get("notice_sha256")).isEqualTo(german);
        // and that is the page a visitor of the jurisdiction reads in German
        String served = visitor.get("/s/olympus-ims/privacy?region=" + event.get("jurisdiction"))
                .body();
        assertThat(Sha256.hex(served)).isEqualTo(german);
    }
}
