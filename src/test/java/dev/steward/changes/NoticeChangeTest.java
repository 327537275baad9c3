package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.steward.platform.Sha256;
import dev.steward.test.Axe;
import dev.steward.test.Chromium;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Omron publishes a material version that rewords the contest's consent and adds the phone number to it, then an
 * editorial one, on a database of its own: only the contest's participant is told (over SMTP, to GreenMail) and asked
 * to consent again, the customer-service writer is not, the editorial version tells nobody, and the notice
 * announces the change for the six months Omron's catalog sets (seed 002).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeChangeTest {

    static final String OLD_WORDING = OmronChange.OLD_WORDING;
    static final String NEW_WORDING = OmronChange.NEW_WORDING;

    private static final int SMTP_PORT = Smtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    OmronChange omron;
    ConfigurableApplicationContext server;
    Http http;
    Filled carla;
    Filled omar;
    Filled dora;
    Filled kaori;
    String versionOnePage;
    int toldByMaterial;
    int toldByEditorial;

    @BeforeAll
    void publishAMaterialThenAnEditorialVersion(@TempDir Path temporary) throws IOException {
        omron = new OmronChange(temporary, SMTP_PORT, "");
        try (ConfigurableApplicationContext first = start()) {
            Http firstHttp = TestServer.http(first);
            first.getBean(TestClock.class).set(Instant.parse("2026-03-01T09:00:00Z"));
            carla = submitted(firstHttp, SeedForms.omronContest());
            omar = submitted(firstHttp, SeedForms.omronCustomerService());
            // she entered the contest too, and later asked to correct her data reading the site in Japanese
            kaori = submitted(firstHttp, SeedForms.omronContest());
            HttpResponse<String> asked = firstHttp.postJson(
                    "/api/v1/sites/omron-healthcare/requests",
                    "{\"type\":\"rectification\",\"email\":\"" + kaori.email() + "\",\"region\":\"US\","
                            + "\"statement\":\"住所が変わりました。\"}",
                    "Accept-Language",
                    "ja,en;q=0.5");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            versionOnePage =
                    firstHttp.get("/s/omron-healthcare/privacy/v/2010-05-05").body();
        }
        omron.revise(omron.materialRevision());
        server = start();
        http = TestServer.http(server);
        // she enters the contest under the new notice, which she read: nobody tells her it changed
        dora = submitted(http, SeedForms.omronContest().with("phone", SeedForms.phone()));
        toldByMaterial = server.getBean(NoticeChangeMailing.class).run();
        server.close();
        omron.revise(omron.materialRevision()
                .replace("version: \"2026-03-10\"", "version: \"2026-03-20\"")
                .replace("effective: 2026-03-10", "effective: 2026-03-20")
                .replace("significance: material", "significance: editorial")
                .replace("We will use your email address to respond", "We use your e-mail address to answer"));
        server = start();
        http = TestServer.http(server);
        toldByEditorial = server.getBean(NoticeChangeMailing.class).run();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aMaterialVersionTellsOnlyThoseItConcernsInWordsAndAnEditorialOneNobody() throws Exception {
        assertThat(toldByMaterial).isEqualTo(2);
        assertThat(toldByEditorial).isZero();
        MimeMessage mail = Smtp.awaitMessage(
                smtp::getReceivedMessages, carla.email(), "Omronhealthcare.com: our privacy notice has changed");
        String text = Smtp.text(mail);
        assertThat(text)
                .contains("The new version applies from March 10, 2026.")
                .contains("Surveys and contests: we changed the wording of the consent we ask for and the data we"
                        + " collect.")
                .contains("/s/omron-healthcare/privacy/diff?from=2010-05-05&to=2026-03-10")
                .contains(NEW_WORDING)
                .contains("Your earlier consent remains valid for what it covered")
                .doesNotContain("surveys-and-contests")
                .doesNotContain("2026-03-10T");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(Smtp::recipient))
                .doesNotContain(omar.email(), dora.email())
                .containsOnlyOnce(carla.email());
    }

    /**
     * Kaori last read the site in Japanese when she made a rights request: her mail names what changed in Japanese, as
     * the catalog translates it, with the operational words of the mail in Japanese too.
     */
    @Test
    void theChangeMailIsInTheLanguageThePersonLastReadTheSiteIn() throws Exception {
        MimeMessage mail =
                Smtp.awaitMessage(smtp::getReceivedMessages, kaori.email(), "Omronhealthcare.com: プライバシーポリシーを変更しました");
        assertThat(Smtp.text(mail))
                .contains("Omronhealthcare.com のプライバシーポリシーを変更しました。新しい版は 2026年3月10日 から適用されます。")
                .contains("変更点:")
                .contains("アンケートとコンテスト")
                .contains("/s/omron-healthcare/privacy/diff?from=2010-05-05&to=2026-03-10")
                .doesNotContain("Surveys and contests", "What changed", "surveys-and-contests");
    }

    /**
     * The diff page names the changed elements in the visitor's language where the site declares it and the catalog
     * translates them (Omron: English and Japanese), and says so where it shows the published English wording; a
     * German visitor reads Omron's default language, which the site offers instead.
     */
    @Test
    void theDiffPageNamesWhatChangedInTheVisitorsLanguage() {
        String path = "/s/omron-healthcare/privacy/diff?from=2010-05-05&to=2026-03-10";
        String japanese = http.get(path, "Accept-Language", "ja").body();
        assertThat(japanese)
                .contains("lang=\"ja\"")
                .contains("アンケートとコンテスト")
                .contains("このページの一部は")
                .doesNotContain("Surveys and contests", "surveys-and-contests");
        assertThat(http.get(path, "Accept-Language", "en").body())
                .contains("Surveys and contests")
                .doesNotContain("アンケートとコンテスト");
        assertThat(http.get(path, "Accept-Language", "de-DE,de;q=0.9").body())
                .contains("Surveys and contests")
                .doesNotContain("アンケートとコンテスト");
    }

    @Test
    void theLinkRecordsANewConsentWithTheNewWordingOnceAndKeepsTheOldOne() throws Exception {
        String link = reconsentLink();
        HttpResponse<String> opened = http.get(link);
        HttpResponse<String> openedAgain = http.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(openedAgain.body()).contains(NEW_WORDING);
        assertThat(http.get(link, "Accept-Language", "ja").body())
                .as("in the visitor's language; the wording asked for is the site's, as the ledger records it")
                .contains("<html lang=\"ja\"")
                .contains("新しい条件への同意")
                .contains("<dt lang=\"en\">Conducting surveys and contests")
                .contains(" lang=\"en\">" + NEW_WORDING)
                .doesNotContain("Consent to the new terms");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(consents()).hasSize(1);
        assertThat(http.get("/s/omron-healthcare/notice-change/made-up").body()).contains("This link does not work");
        // the link is Omron's: on another site it opens nothing
        assertThat(http.get(link.replace("omron-healthcare", "lab")).statusCode())
                .isEqualTo(404);

        HttpResponse<String> confirmed =
                http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), OmronChange.cookieOf(opened));
        HttpResponse<String> again =
                http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), OmronChange.cookieOf(opened));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Already done");
        assertThat(consents())
                .containsExactly(
                        "given | 2010-05-05 | " + Sha256.hex(OLD_WORDING) + " | api",
                        "given | 2026-03-10 | " + Sha256.hex(NEW_WORDING) + " | email-link");
        JsonNode progress = Json.read(
                        http.get("/api/v1/admin/notice-changes", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                                .body())
                .get("changes")
                .get(0);
        assertThat(progress.get("told").asLong()).isEqualTo(2);
        assertThat(progress.get("reconsentAsked").asLong()).isEqualTo(2);
        assertThat(progress.get("reconsented").asLong()).isEqualTo(1);
        assertThat(progress.get("reconsentPending").asLong()).isEqualTo(1);
    }

    @Test
    void theNoticeAnnouncesTheChangeForSixMonthsAndThePublishedVersionsStayAsPublished() {
        TestClock clock = server.getBean(TestClock.class);
        Instant start = clock.instant();
        try {
            clock.set(Instant.parse("2026-04-02T09:00:00Z"));
            String notice = http.get("/s/omron-healthcare/privacy").body();
            assertThat(notice)
                    .contains("This notice changed on March 10, 2026")
                    .contains("Surveys and contests: we changed")
                    .contains("/s/omron-healthcare/privacy/diff?from=2010-05-05&amp;to=2026-03-10");
            // Omron declares English only: a German browser reads it, and its dates, in English
            assertThat(http.get("/s/omron-healthcare/privacy", "Accept-Language", "de-DE")
                            .body())
                    .contains("This notice changed on March 10, 2026");
            assertThat(http.get("/s/omron-healthcare/consent.js").body()).contains("This notice changed on");

            clock.set(Instant.parse("2026-09-10T00:00:01Z"));
            assertThat(http.get("/s/omron-healthcare/privacy").body()).doesNotContain("This notice changed on");
            assertThat(http.get("/s/omron-healthcare/consent.js").body()).doesNotContain("This notice changed on");
            assertThat(http.get("/s/omron-healthcare/privacy/v/2010-05-05").body())
                    .isEqualTo(versionOnePage);
        } finally {
            clock.set(start);
        }
    }

    /**
     * The announcement names what changed in the visitor's language (Omron declares English and Japanese); a language
     * the site does not declare, or a header nobody can read, reads the site's default.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "ja; このプライバシーポリシーは2026年3月10日に変更されました; アンケートとコンテスト：; Surveys and contests",
                "en; This notice changed on March 10, 2026; Surveys and contests: we changed; アンケート",
                "de; This notice changed on March 10, 2026; Surveys and contests: we changed; アンケート",
                "@@@; This notice changed on March 10, 2026; Surveys and contests: we changed; アンケート"
            })
    void theAnnouncementNamesWhatChangedInTheVisitorsLanguage(
            String language, String heading, String sentence, String notInIt) {
        TestClock clock = server.getBean(TestClock.class);
        Instant start = clock.instant();
        try {
            clock.set(Instant.parse("2026-04-02T09:00:00Z"));
            String notice = http.get("/s/omron-healthcare/privacy", "Accept-Language", language)
                    .body();
            String script = http.get("/s/omron-healthcare/consent.js", "Accept-Language", language)
                    .body();
            assertThat(notice).contains(heading).contains(sentence).doesNotContain(notInIt);
            assertThat(script).contains(heading).contains(sentence);
        } finally {
            clock.set(start);
        }
    }

    @Test
    void theConsentScriptTellsAVisitorWhoLastSawAnOlderVersionUntilTheyCloseIt() {
        TestClock clock = server.getBean(TestClock.class);
        Instant start = clock.instant();
        int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        try (Chromium chromium = Chromium.launch()) {
            clock.set(Instant.parse("2026-04-02T09:00:00Z"));
            Page newcomer = chromium.page(port, true);
            newcomer.navigate("/s/omron-healthcare/");
            newcomer.waitForFunction("() => window.stewardConsent && window.stewardConsent.ready");
            assertThat(newcomer.locator(".stw-n").count()).isZero();

            Page returning = chromium.page(port, true);
            // a choice made in this browser under the 2010 notice
            returning
                    .context()
                    .addCookies(List.of(new Cookie("steward_consent", "%7B%22v%22%3A%222010-05-05%22%7D")
                            .setDomain("localhost")
                            .setPath("/")));
            returning.navigate("/s/omron-healthcare/");
            Locator announcement = returning.locator(".stw-n");
            assertThat(announcement.textContent())
                    .contains("This notice changed on March 10, 2026")
                    .contains("Surveys and contests: we changed");
            assertThat(announcement.locator("a").getAttribute("href"))
                    .endsWith("/s/omron-healthcare/privacy/diff?from=2010-05-05&to=2026-03-10");
            announcement.getByText("Close").click();
            assertThat(returning.locator(".stw-n").count()).isZero();
            returning.reload();
            returning.waitForFunction("() => window.stewardConsent && window.stewardConsent.ready");
            assertThat(returning.locator(".stw-n").count()).isZero();

            Page forAxe = chromium.page(port, Map.of(), true);
            forAxe.context()
                    .addCookies(List.of(new Cookie("steward_consent", "%7B%22v%22%3A%222010-05-05%22%7D")
                            .setDomain("localhost")
                            .setPath("/")));
            forAxe.navigate("/s/omron-healthcare/");
            forAxe.locator(".stw-n").waitFor();
            assertThat(Axe.violations(forAxe))
                    .as("announcement on the site's page")
                    .isEmpty();
            forAxe.navigate("/s/omron-healthcare/privacy");
            assertThat(Axe.violations(forAxe)).as("announcement on the notice").isEmpty();
        } finally {
            clock.set(start);
        }
    }

    @Test
    void staffSeeTheProgressInWordsOnTheirSites() {
        Console admin = Console.signIn(
                server.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                "admin",
                StewardTest.ADMIN_PASSWORD);

        String page = admin.get("/admin/notice-changes").body();

        assertThat(page)
                .contains("Omronhealthcare.com")
                .contains("Version 2010-05-05 to 2026-03-10")
                .contains("everyone found was written to by March 2, 2026")
                // told only by a mail that went: the column counts the people a mail was written to
                .contains("People written to")
                .doesNotContain("People told")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
    }

    /** Carla's consents to the contest, the first given on the site: whoever opens her link consents as her. */
    private List<String> consents() {
        return server.getBean(JdbcClient.class).sql("""
                        SELECT action || ' | ' || notice_version || ' | ' || wording_sha256 || ' | ' || method
                        FROM consent_event WHERE site = 'omron-healthcare' AND purpose = 'surveys-and-contests'
                          AND subject_id = (SELECT subject_id FROM consent_event WHERE site = 'omron-healthcare'
                                            AND purpose = 'surveys-and-contests' ORDER BY seq LIMIT 1)
                        ORDER BY seq
                        """).query(String.class).list();
    }

    private String reconsentLink() throws Exception {
        MimeMessage mail = Smtp.awaitMessage(
                smtp::getReceivedMessages, carla.email(), "Omronhealthcare.com: our privacy notice has changed");
        return Mailboxes.linkIn(Smtp.text(mail), "/s/omron-healthcare/notice-change/")
                .orElseThrow();
    }

    private static Filled submitted(Http http, Filled form) {
        HttpResponse<String> answer = http.postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return form;
    }

    private ConfigurableApplicationContext start() {
        return omron.start();
    }
}
