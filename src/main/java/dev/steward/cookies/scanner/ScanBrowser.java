package dev.steward.cookies.scanner;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright on the system's Node.js, with every connection going through the
 * scan's {@link GuardedProxy}. Playwright is told never to download a browser. The flags keep Chromium from reaching
 * out on its own (updates, sync, field trials); the sandbox stays on unless Steward runs as root, where Chromium
 * cannot use it.
 */
final class ScanBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private ScanBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static ScanBrowser launch(ScannerSettings settings, GuardedProxy proxy) {
        require(settings.chromium(), "Chromium", "chromium", "STEWARD_SCANNER_CHROMIUM");
        require(settings.node(), "Node.js", "nodejs", "STEWARD_SCANNER_NODE");
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of(
                            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
                            "1",
                            "PLAYWRIGHT_NODEJS_PATH",
                            settings.node().toString())));
        } catch (PlaywrightException e) {
            throw new ScannerUnavailableException("Playwright's driver did not start on " + settings.node()
                    + " (it needs Node.js 18 or newer): " + firstLine(e));
        }
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(settings.chromium())
                            .setHeadless(true)
                            .setChromiumSandbox(!"root".equals(System.getProperty("user.name")))
                            .setProxy(new Proxy(proxy.address()))
                            .setArgs(List.of(
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--disable-default-apps",
                                    "--disable-field-trial-config")));
            return new ScanBrowser(playwright, browser);
        } catch (PlaywrightException e) {
            playwright.close();
            throw new ScannerUnavailableException(
                    "Chromium at " + settings.chromium() + " did not start: " + firstLine(e));
        }
    }

    Browser browser() {
        return browser;
    }

    private static void require(Path executable, String what, String debianPackage, String setting) {
        if (!Files.isExecutable(executable)) {
            throw new ScannerUnavailableException("The cookie scanner needs " + what + " at " + executable
                    + ": install it (apt-get install " + debianPackage + ") or set " + setting + ".");
        }
    }

    private static String firstLine(PlaywrightException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
