package dev.steward.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.test.Canary;
import dev.steward.test.Chromium;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A support agent answers and closes an inquiry in a browser without JavaScript, from the sign-in page on. */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InquiriesInChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    InquiryRepository cases;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestClock clock;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void aSupportAgentSignsInOpensTheCaseRepliesAndClosesIt() {
        clock.advance(Duration.ofDays(1));
        Submitted rita = Submitted.Forms.in(context).olympusContact("Rita");
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", Submitted.OLYMPUS);
        Page page = chromium.page(port, false);

        page.navigate("/admin/inquiries");
        assertThat(page.url()).endsWith("/login");
        page.getByLabel("User name").fill(agent);
        page.getByLabel("Password").fill(StaffUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.url()).endsWith("/admin");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Inquiries").setExact(true))
                .click();

        page.locator("a[href='/admin/inquiries/" + rita.caseId() + "']").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .textContent())
                .isEqualTo("Questions and comments: Olympus IMS");
        assertThat(page.textContent("main")).contains(rita.email()).contains("Does the microscope fit?");

        String reply = "Dear " + Canary.name("Rita") + ", it fits the stand you have.";
        page.getByLabel("Your reply").fill(reply);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent())
                .isEqualTo("Your reply was queued for sending by e-mail.");
        assertThat(page.getByRole(AriaRole.ARTICLE).textContent()).contains(reply);

        // closing is final: the first click only shows what it does and the button that does it
        Locator close = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, close the case"));
        assertThat(close.isVisible()).isFalse();
        page.getByText("Close case…").click();
        assertThat(page.getByText("No more replies can be sent").isVisible()).isTrue();
        close.click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).startsWith("The case is closed.");
        assertThat(page.locator("#case-status").textContent()).isEqualTo("closed");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                        .count())
                .isZero();
        assertThat(cases.find(rita.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    }
}
