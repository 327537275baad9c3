package dev.steward.test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, for page tests. Playwright never downloads a browser of its own here;
 * the flags keep Chromium from reaching out to a network it does not have. A test class registers one as an
 * extension ({@code @RegisterExtension final Chromium chromium = Chromium.perClass();}, a {@code static} field where
 * the class has an instance per test): the browser starts at the first page asked for and closes after the class's
 * last test. A single test may instead {@link #launch} one and close it.
 */
public final class Chromium implements AutoCloseable, AfterAllCallback {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private @Nullable Playwright playwright;
    private @Nullable Browser browser;

    private Chromium() {}

    public static Chromium perClass() {
        return new Chromium();
    }

    public static Chromium launch() {
        Chromium chromium = new Chromium();
        chromium.browser();
        return chromium;
    }

    private Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = start(playwright);
        }
        return browser;
    }

    private static Browser start(Playwright playwright) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Page tests need Debian's Chromium at " + EXECUTABLE
                    + ": run 'apt-get install -y chromium' (.ci/run does this)");
        }
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A fresh page in a fresh browser profile (its own cookies), with or without JavaScript. */
    public Page page(int port, boolean javascript) {
        BrowserContext context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setJavaScriptEnabled(javascript));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * A fresh page sending the given headers with every request (a CDN's country, {@code Sec-GPC}), with JavaScript.
     * {@code forAxe} bypasses the page's Content-Security-Policy, only so that a test can inject axe-core.
     */
    public Page page(int port, Map<String, String> headers, boolean forAxe) {
        BrowserContext context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setExtraHTTPHeaders(headers)
                        .setBypassCSP(forAxe));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A fresh page as a phone shows it: 375 by 812 CSS pixels, touch, the page's own viewport meta tag honoured. */
    public Page phone(int port) {
        BrowserContext context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setViewportSize(375, 812)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Fills a seed form's fields, consent boxes and age on its page. */
    public static void fill(Page page, SeedForms.Filled form) {
        form.fields().forEach((key, value) -> {
            var field = page.locator("#fields-" + key);
            if ("select".equals(field.evaluate("element => element.tagName.toLowerCase()"))) {
                field.selectOption(value);
            } else {
                field.fill(value);
            }
        });
        for (String purpose : form.consents()) {
            page.locator("#consents-" + purpose).check();
        }
        if (form.age() != null) {
            page.getByLabel("Your age in years").fill(form.age());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
