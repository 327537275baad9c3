package dev.steward.test;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of Chromium whose Content-Security-Policy violations are gathered: those its own document reports, after
 * each visit before the next one replaces the document, and every one Chromium logs to the console (its frames'
 * included).
 */
public record PolicyViolations(Page page, List<String> violations) {

    /** Collects every violation the page reports, from before its own scripts run. */
    private static final String LISTENER = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """;

    public static PolicyViolations watch(Page page) {
        page.addInitScript(LISTENER);
        PolicyViolations watched = new PolicyViolations(page, new ArrayList<>());
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                watched.violations().add("console: " + message.text());
            }
        });
        return watched;
    }

    public void visit(String path) {
        page.navigate(path);
        collect();
    }

    /** Adds what the page's own document reported so far. */
    public void collect() {
        List<?> reported = (List<?>) page.evaluate("() => window.__violations || []");
        reported.forEach(violation -> violations.add(page.url() + ": " + violation));
    }

    /** Signs in to the console as the administrator, from the page it is on. */
    public void signInAsAdmin() {
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }
}
