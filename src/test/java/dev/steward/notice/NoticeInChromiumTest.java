package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Chromium;
import dev.steward.test.StewardTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The notice as a visitor's browser shows it: landmarks and headings, with or without JavaScript. */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeInChromiumTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void theNoticeHasLandmarksAndHeadingsAndWorksWithoutJavascript() {
        Page page = chromium.page(port, false);
        page.navigate("/s/olympus-ims/privacy?region=EU");

        assertThat(page.getByRole(AriaRole.MAIN).count()).isEqualTo(1);
        assertThat(page.getByRole(AriaRole.BANNER).count()).isEqualTo(1);
        assertThat(page.getByRole(AriaRole.NAVIGATION).count()).isGreaterThanOrEqualTo(1);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo("Privacy Notice | Olympus IMS");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your rights"))
                        .isVisible())
                .isTrue();
        assertThat(page.getByRole(
                                AriaRole.TABLE,
                                new Page.GetByRoleOptions().setName("Transfers outside the European Economic Area"))
                        .textContent())
                .contains("Aspire");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Japan").setExact(true))
                .click();
        assertThat(page.url()).endsWith("/s/olympus-ims/privacy?region=JP");
        assertThat(page.textContent("main")).contains("Japanese Personal Information Protection Law");
    }
}
