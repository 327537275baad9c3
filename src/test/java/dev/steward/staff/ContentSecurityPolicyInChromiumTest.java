package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.steward.test.Chromium;
import dev.steward.test.PolicyViolations;
import dev.steward.test.StewardTest;
import dev.steward.test.VisitorPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Chromium, with JavaScript on, reports no violation of the Content-Security-Policy on the main pages of the demo and
 * of the console, while it does report one the moment a page tries an inline style: the listener is listening.
 */
@StewardTest
@TestPropertySource(properties = SecurityHeadersTest.CONSOLE_PAGES_CONTEXT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyInChromiumTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void visitorPagesRaiseNoViolation() {
        PolicyViolations page = watched();
        List<String> paths = new ArrayList<>(VisitorPages.sample(port));
        paths.addAll(List.of("/", "/s/no-such-site/"));
        paths.forEach(page::visit);

        assertThat(page.violations()).isEmpty();
        page.page().context().close();
    }

    @Test
    void consolePagesRaiseNoViolation() {
        PolicyViolations page = watched();
        page.visit("/admin");
        page.signInAsAdmin();
        page.collect();

        for (String path : List.of(
                "/admin",
                "/admin/inquiries",
                "/admin/requests",
                "/admin/audit",
                "/admin/evidence",
                "/admin/api-keys",
                "/admin/staff",
                "/admin/mailbox",
                "/admin/retention",
                "/admin/holds",
                "/admin/ropa",
                "/admin/subjects/" + UUID.randomUUID() + "/consents")) {
            page.visit(path);
        }

        assertThat(page.violations()).isEmpty();
        page.page().context().close();
    }

    @Test
    void anInlineStyleIsReportedSoTheListenerWorks() {
        PolicyViolations page = watched();
        page.visit("/s/olympus-ims/");

        page.page()
                .evaluate("() => { const s = document.createElement('style'); s.textContent = 'body{color:red}';"
                        + " document.head.appendChild(s); }");
        page.page().waitForTimeout(200);
        page.collect();

        assertThat(page.violations())
                .anySatisfy(violation -> assertThat(violation).contains(": style-src"))
                .anySatisfy(violation -> assertThat(violation).startsWith("console: "));
        page.page().context().close();
    }

    private PolicyViolations watched() {
        Page page = chromium.page(port, true);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 250)));
        return PolicyViolations.watch(page);
    }
}
