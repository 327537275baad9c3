package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Axe;
import dev.steward.test.Chromium;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The banner on the demo sites' pages in Debian's Chromium: nothing held back runs and no cookie but the necessary is
 * set before a choice; accept, reject, per category and withdrawal; Global Privacy Control; Consent Mode; re-prompt
 * after a material change of the cookies and after expiry; the ledger and the receipt of each choice; keyboard and
 * screen-reader use; axe-core finds nothing.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieBannerInChromiumTest {

    static final String OLYMPUS = "/s/olympus-ims/";
    static final String OMRON = "/s/omron-healthcare/";
    static final Map<String, String> EUROPE = Map.of("CF-IPCountry", "DE");
    static final Map<String, String> AMERICA = Map.of("CF-IPCountry", "US");
    static final List<String> NECESSARY = List.of("JSESSIONID", "steward_consent", "lab_consent");

    @DynamicPropertySource
    static void withTheCookieLab(DynamicPropertyRegistry properties) {
        properties.add("steward.catalog", () -> StewardTest.CATALOGS + ",classpath:catalogs/cookie-lab");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @AfterEach
    void resetClock() {
        clock.set(StewardTest.START);
    }

    /** A browser with the given headers; it notes every request it makes and every consent event of the page. */
    class Browser {
        final Page page;
        final List<String> requests = new CopyOnWriteArrayList<>();
        /** Script errors and console errors, a Content-Security-Policy refusal among them. */
        final List<String> errors = new CopyOnWriteArrayList<>();

        Browser(Map<String, String> headers, boolean gpc) {
            this(headers, gpc, false);
        }

        Browser(Map<String, String> headers, boolean gpc, boolean forAxe) {
            page = chromium.page(port, headers, forAxe);
            page.context().onRequest(request -> requests.add(request.url()));
            page.onPageError(errors::add);
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text());
                }
            });
            page.context()
                    .addInitScript("window.consentEvents = [];"
                            + "addEventListener('steward:consent', e => consentEvents.push(e.detail));"
                            + (gpc
                                    ? "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"
                                    : ""));
        }

        Browser open(String path) {
            requests.clear();
            page.navigate(path);
            page.waitForFunction("() => window.stewardConsent && stewardConsent.ready");
            return this;
        }

        Locator banner() {
            return page.getByRole(AriaRole.DIALOG);
        }

        Locator button(String name) {
            return banner().getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName(name).setExact(true));
        }

        /**
         * Presses a button of the banner and waits until Steward has recorded the choice and the page has kept its
         * receipt in the cookie: the page handles the answer after the response arrives, so waiting for the response
         * alone races with the cookie's second write.
         */
        void choose(String name) {
            Response recorded = page.waitForResponse(
                    response -> response.url().contains("/cookie-choices") && response.status() == 201,
                    () -> button(name).click());
            String choice = Json.read(recorded.text()).get("choice").asString();
            page.waitForFunction("id => decodeURIComponent(document.cookie).includes(id)", choice);
        }

        boolean analyticsRan() {
            return (boolean) page.evaluate("() => window.stewardDemoAnalytics !== undefined");
        }

        boolean requested(String part) {
            return requests.stream().anyMatch(url -> url.contains(part));
        }

        List<String> cookieNames() {
            return page.context().cookies().stream().map(cookie -> cookie.name).toList();
        }

        Object consentMode(int index) {
            return page.evaluate("i => Array.from(window.dataLayer[i])", index);
        }

        BrowserContext context() {
            return page.context();
        }
    }

    @Test
    void beforeAChoiceNothingHeldBackRunsAndOnlyNecessaryCookiesAreSet() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);

        assertThat(europe.banner().isVisible()).isTrue();
        assertThat(europe.banner().getAttribute("aria-labelledby")).isEqualTo("stw-t");
        assertThat(europe.page.locator("#stw-t").textContent()).isEqualTo("Cookies on Olympus IMS");
        assertThat(europe.analyticsRan()).isFalse();
        assertThat(europe.requested("/demo/"))
                .as("no held-back script or beacon is fetched")
                .isFalse();
        assertThat(europe.requests)
                .as("every request goes to the page's own origin (Steward here)")
                .allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
        assertThat(europe.cookieNames()).isSubsetOf(NECESSARY).doesNotContain("steward_consent");
        assertThat(europe.consentMode(0))
                .isEqualTo(List.of(
                        "consent",
                        "default",
                        Map.of(
                                "analytics_storage", "denied",
                                "ad_storage", "denied",
                                "ad_user_data", "denied",
                                "ad_personalization", "denied")));
        assertThat(europe.page.locator("#demo-analytics").textContent()).isEqualTo("Sample analytics: not running.");
        assertThat(europe.errors).isEmpty();
        europe.context().close();
    }

    @Test
    void acceptAllRunsWhatWasHeldBackAndTheChoiceIsInTheLedgerWithItsReceipt() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);

        europe.choose("Accept all");

        europe.page.waitForFunction("() => window.stewardDemoAnalytics === 1");
        assertThat(europe.page.locator("#demo-analytics").textContent()).contains("running, visit 1 counted");
        europe.page.waitForCondition(() -> europe.requested("/demo/beacon.gif"));
        assertThat(europe.cookieNames()).contains("olympus_visits", "steward_consent");
        assertThat(europe.banner().isVisible()).isFalse();
        assertThat(europe.consentMode(1))
                .isEqualTo(List.of(
                        "consent",
                        "update",
                        Map.of(
                                "analytics_storage", "granted",
                                "ad_storage", "granted",
                                "ad_user_data", "granted",
                                "ad_personalization", "granted")));
        assertThat(europe.page.evaluate("() => consentEvents.map(e => e.choice)"))
                .isEqualTo(Arrays.asList(null, "accept-all"));

        europe.open(OLYMPUS);
        assertThat(europe.banner().isVisible())
                .as("the choice holds on the next page")
                .isFalse();
        assertThat(europe.analyticsRan()).isTrue();
        assertThat(europe.page.evaluate("() => window.stewardDemoAnalytics")).isEqualTo(2);

        europe.page
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings"))
                .click();
        europe.banner()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Receipt of your choice"))
                .click();
        assertThat(europe.page
                        .getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo("Your cookie choice");
        assertThat(europe.page
                        .getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Your answers"))
                        .textContent())
                .contains("Traffic analysis")
                .contains("Advertising")
                .doesNotContain("Refused");
        europe.page
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Receipt for Advertising"))
                .click();
        assertThat(europe.page.locator("main").textContent())
                .contains("Consent receipt")
                .contains("banner")
                .contains("2018-04-03");
        assertThat(europe.errors).isEmpty();
        europe.context().close();
    }

    @Test
    void rejectAllRunsNothingAndTheSiteAndItsFormsKeepWorking() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);

        europe.choose("Reject all");
        europe.open(OLYMPUS);

        assertThat(europe.banner().isVisible()).isFalse();
        assertThat(europe.analyticsRan()).isFalse();
        assertThat(europe.requested("/demo/")).isFalse();
        assertThat(europe.cookieNames()).isSubsetOf(NECESSARY);
        assertThat(europe.consentMode(0)).asString().contains("denied").doesNotContain("granted");

        SeedForms.Filled form = SeedForms.omronCustomerService();
        europe.page.navigate(form.path() + "?region=US");
        Chromium.fill(europe.page, form);
        europe.page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(europe.page.url()).endsWith(form.path() + "/sent");
        europe.context().close();
    }

    @Test
    void aChoicePerCategoryAndItsWithdrawalWhichDeletesTheCategorysCookies() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);
        europe.button("Choose cookies").click();
        assertThat(europe.banner().getByLabel("Strictly necessary").isDisabled())
                .isTrue();
        assertThat(europe.banner().getByLabel("Strictly necessary").isChecked()).isTrue();
        europe.banner().getByLabel("Traffic analysis").check();

        europe.choose("Save my choices");

        europe.page.waitForFunction("() => window.stewardDemoAnalytics === 1");
        assertThat(europe.requested("/demo/beacon.gif")).isFalse();
        assertThat(europe.cookieNames()).contains("olympus_visits");

        europe.open(OLYMPUS);
        europe.page
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings"))
                .click();
        assertThat(europe.banner().getByLabel("Traffic analysis").isChecked()).isTrue();
        europe.banner().getByLabel("Traffic analysis").uncheck();
        europe.choose("Save my choices");

        assertThat(europe.cookieNames())
                .as("the withdrawn category's cookie is deleted")
                .doesNotContain("olympus_visits");
        europe.open(OLYMPUS);
        assertThat(europe.analyticsRan())
                .as("withdrawal stops the script on the next page")
                .isFalse();

        List<String> actions = jdbc.sql("""
                        SELECT e.purpose || ' ' || e.action FROM consent_event e
                        WHERE e.subject_id = (SELECT subject_id FROM consent_event ORDER BY seq DESC LIMIT 1)
                          AND e.method = 'banner' ORDER BY e.seq
                        """).query(String.class).list();
        assertThat(actions)
                .as("both choices went to one pseudonym")
                .containsExactly(
                        "traffic-analysis given",
                        "behavioral-advertising withdrawn",
                        "traffic-analysis withdrawn",
                        "behavioral-advertising withdrawn");
        europe.context().close();
    }

    @Test
    void keyboardFocusMovesIntoTheDialogAndBackAndEscapeKeepsThePreviousChoice() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);
        assertThat(europe.page.evaluate("() => !!document.activeElement.closest('dialog')"))
                .as("the banner takes the focus")
                .isEqualTo(true);
        europe.choose("Reject all");
        String stored = europe.page.evaluate("() => document.cookie").toString();

        Locator settings = europe.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings"));
        settings.focus();
        europe.page.keyboard().press("Enter");
        assertThat(europe.banner().isVisible()).isTrue();
        assertThat(europe.page.evaluate("() => !!document.activeElement.closest('dialog')"))
                .isEqualTo(true);
        europe.page.keyboard().press("Tab");
        europe.banner().getByLabel("Traffic analysis").check();
        europe.page.keyboard().press("Escape");

        assertThat(europe.banner().isVisible()).isFalse();
        assertThat(europe.page.evaluate("() => document.activeElement.textContent"))
                .isEqualTo("Cookie settings");
        assertThat(europe.page.evaluate("() => stewardConsent.granted('analytics')"))
                .isEqualTo(false);
        assertThat(europe.page.evaluate("() => document.cookie").toString()).isEqualTo(stored);
        assertThat(europe.analyticsRan()).isFalse();
        europe.context().close();
    }

    @Test
    void rejectAllIsExactlyAsProminentAsAcceptAll() {
        Browser europe = new Browser(EUROPE, false).open(OLYMPUS);
        String style = """
                b => { const s = getComputedStyle(b), r = b.getBoundingClientRect();
                  return [s.fontSize, s.fontWeight, s.color, s.backgroundColor, s.borderTopWidth, s.borderTopColor,
                          s.paddingTop, s.paddingLeft, Math.round(r.width), Math.round(r.height)].join(' '); }""";

        Object accept = europe.button("Accept all").evaluate(style);
        Object reject = europe.button("Reject all").evaluate(style);

        assertThat(reject).isEqualTo(accept);
        assertThat(europe.button("Reject all").boundingBox().y)
                .isEqualTo(europe.button("Accept all").boundingBox().y);
        europe.context().close();
    }

    @Test
    void axeFindsNoViolationsOnTheBannerOrItsSettings() {
        Browser europe = new Browser(EUROPE, false, true).open(OLYMPUS);
        assertThat(Axe.violations(europe.page)).as("banner").isEmpty();
        europe.button("Choose cookies").click();
        europe.banner().locator("summary").first().click();
        assertThat(Axe.violations(europe.page)).as("settings").isEmpty();
        europe.context().close();

        Browser america = new Browser(AMERICA, true, true).open(OMRON);
        assertThat(Axe.violations(america.page)).as("opt-out banner with GPC").isEmpty();
        america.context().close();
    }

    @Test
    void inTheUsWhatSellsOrSharesRunsUntilTheVisitorSaysDoNotSellOrShare() {
        Browser america = new Browser(AMERICA, false).open(OMRON);
        america.page.waitForFunction("() => window.stewardDemoAnalytics === 1");
        america.page.waitForCondition(() -> america.requested("/demo/beacon.gif"));
        assertThat(america.banner().isVisible()).isTrue();

        america.choose("Do not sell or share my personal information");
        america.open(OMRON);

        assertThat(america.analyticsRan()).isTrue();
        assertThat(america.requested("/demo/beacon.gif")).isFalse();
        assertThat(america.page.evaluate(
                        "() => [stewardConsent.granted('preferences')," + " stewardConsent.granted('advertising')]"))
                .isEqualTo(List.of(true, false));
        america.context().close();
    }

    @Test
    void globalPrivacyControlIsHonouredAndShown() {
        Browser america = new Browser(AMERICA, true).open(OLYMPUS);

        assertThat(america.banner().textContent()).contains("Your browser sends the Global Privacy Control signal");
        america.page.waitForFunction("() => window.stewardDemoAnalytics === 1");
        assertThat(america.requested("/demo/beacon.gif"))
                .as("advertising stays off")
                .isFalse();
        assertThat(america.consentMode(0))
                .asString()
                .contains("ad_storage=denied")
                .contains("analytics_storage=granted");
        america.button("Choose cookies").click();
        assertThat(america.banner().getByLabel("Advertising").isDisabled()).isTrue();
        assertThat(america.banner().getByLabel("Advertising").isChecked()).isFalse();

        america.choose("Accept all");

        assertThat(america.requested("/demo/beacon.gif")).isFalse();
        assertThat(jdbc.sql("SELECT gpc FROM cookie_choice ORDER BY occurred_at DESC LIMIT 1")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        america.context().close();
    }

    @Test
    void aMaterialChangeOfTheCookiesAsksAgain() {
        Browser europe = new Browser(EUROPE, false).open("/s/cookie-lab/");
        europe.choose("Accept all");
        europe.open("/s/cookie-lab/");
        assertThat(europe.banner().isVisible()).isFalse();
        assertThat(europe.banner().getByLabel("Advertising").count()).isZero();

        clock.set(Instant.parse("2026-06-02T09:00:00Z"));
        europe.open("/s/cookie-lab/");

        assertThat(europe.banner().isVisible())
                .as("edition 2 adds an advertising beacon")
                .isTrue();
        assertThat(europe.analyticsRan())
                .as("nothing runs until the new choice")
                .isFalse();
        europe.button("Choose cookies").click();
        assertThat(europe.banner().getByLabel("Advertising").isVisible()).isTrue();
        europe.choose("Reject all");
        assertThat(jdbc.sql("SELECT notice_version FROM cookie_choice WHERE site = 'cookie-lab' ORDER BY occurred_at")
                        .query(String.class)
                        .list())
                .containsExactly("1", "2");
        europe.context().close();
    }

    @Test
    void aChoiceExpiresAfterTheCatalogsPeriodAndTheBannerSpeaksTheVisitorsLanguage() {
        Browser german = new Browser(Map.of("CF-IPCountry", "DE", "Accept-Language", "de-DE,de;q=0.9"), false);
        german.page.clock().install();
        german.open("/s/cookie-lab/");
        assertThat(german.page.locator("#stw-t").textContent()).isEqualTo("Cookies im Labor");
        assertThat(german.banner().getAttribute("lang")).isEqualTo("de");
        assertThat(german.page.locator("#stw-t").getAttribute("lang"))
                .as("a text in the banner's language is not marked")
                .isNull();
        assertThat(german.banner()
                        .locator("span[lang=en]", new Locator.LocatorOptions().setHasText("Shows ads that match"))
                        .count())
                .as("a cookie's purpose the catalog gives in English only is marked as English (WCAG 3.1.2)")
                .isEqualTo(1);
        german.choose("Alle ablehnen");
        german.open("/s/cookie-lab/");
        assertThat(german.banner().isVisible()).isFalse();

        german.page.clock().setSystemTime(System.currentTimeMillis() + 190L * 24 * 3600 * 1000);
        german.open("/s/cookie-lab/");

        assertThat(german.banner().isVisible())
                .as("six months later the banner asks again")
                .isTrue();
        german.context().close();
    }
}
