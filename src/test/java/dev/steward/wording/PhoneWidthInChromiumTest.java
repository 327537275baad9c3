package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Chromium;
import dev.steward.test.StewardTest;
import dev.steward.test.VisitorPages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a 375-pixel phone no page of a visitor or of the console scrolls sideways: its document is no wider than the
 * screen. A failure names the page and the elements that stick out.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneWidthInChromiumTest {

    /** The document's width against the screen's, and the outermost elements whose right edge passes the screen. */
    private static final String OVERFLOW = """
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width) return null;
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)');
              return document.documentElement.scrollWidth + 'px wide on ' + width + 'px: ' + wide.join(', ');
            }
            """;

    @LocalServerPort
    int port;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void visitorPagesFitAPhone() {
        assertThat(overflowing(chromium.phone(port), VisitorPages.sample(port))).isEmpty();
    }

    @Test
    void consolePagesFitAPhone() {
        Page page = chromium.phone(port);
        page.navigate("/admin");
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(overflowing(
                        page,
                        List.of(
                                "/admin",
                                "/admin/requests",
                                "/admin/people",
                                "/admin/inquiries",
                                "/admin/notice-changes",
                                "/admin/campaigns",
                                "/admin/cookies",
                                "/admin/cookie-scans",
                                "/admin/audit",
                                "/admin/evidence",
                                "/admin/retention",
                                "/admin/holds",
                                "/admin/ropa",
                                "/admin/staff",
                                "/admin/api-keys",
                                "/admin/mailbox",
                                "/admin/password")))
                .isEmpty();
    }

    private static List<String> overflowing(Page page, List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            page.navigate(path);
            Object overflow = page.evaluate(OVERFLOW);
            if (overflow != null) {
                problems.add(path + ": " + overflow);
            }
        }
        page.context().close();
        return problems;
    }
}
