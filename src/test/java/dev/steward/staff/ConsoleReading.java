package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Chromium;
import dev.steward.test.StewardTest;
import dev.steward.wording.MachineWords;
import java.util.List;
import java.util.Map;

/**
 * A staff member reading console pages in Chromium in one language: each page's {@code lang}, heading and a word
 * of its own, no English label left from a list, and no machine word outside code elements.
 */
record ConsoleReading(Page page, MachineWords machine, List<String> english) {

    /** Signs in as the admin with the browser asking for the language, through the sign-in page's own labels. */
    static ConsoleReading signedIn(
            Chromium chromium,
            int port,
            MachineWords machine,
            List<String> english,
            String acceptLanguage,
            String user,
            String password,
            String button) {
        Page page = chromium.page(port, Map.of("Accept-Language", acceptLanguage), false);
        page.navigate("/admin");
        assertThat(page.url()).endsWith("/login");
        page.getByLabel(user).fill("admin");
        page.getByLabel(password).fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
        assertThat(page.url()).endsWith("/admin");
        return new ConsoleReading(page, machine, english);
    }

    void read(String path, String language, String heading, String word) {
        page.navigate(path);
        checked(language, heading, word);
    }

    void checked(String language, String heading, String word) {
        String url = page.url();
        assertThat(page.locator("html").getAttribute("lang")).as(url).isEqualTo(language);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .as(url)
                .isEqualTo(heading);
        String body = page.textContent("body");
        assertThat(body).as(url).contains(word);
        assertThat(english).as(url).noneMatch(body::contains);
        // identifiers staff copy into the CLI or API (a subject's id, an activity's key) are set apart as code
        String words = (String) page.locator("body")
                .evaluate("b => { const c = b.cloneNode(true); c.querySelectorAll('code').forEach(e => e.remove());"
                        + " return c.textContent; }");
        assertThat(machine.in(words)).as(url).isEmpty();
    }
}
