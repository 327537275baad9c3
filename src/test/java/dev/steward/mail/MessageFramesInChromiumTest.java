package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import dev.steward.test.Chromium;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.PolicyViolations;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's message frames, in Chromium with JavaScript on: a campaign's preview shows the message with its inline
 * styles (its frame's address has a policy of its own; a frame of srcdoc took the console's, which refuses them), the
 * console's page reports no violation of its policy, and the HTML of a message in the dev mailbox can run no script,
 * refresh nothing, post no form, change no base address and load no picture from anywhere.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageFramesInChromiumTest {

    private static final String BACKGROUND = "element => getComputedStyle(element).backgroundColor";

    @LocalServerPort
    int port;

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Identities identities;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void thePreviewShowsTheMessageWithItsInlineStylesAndTheConsoleReportsNoViolation() {
        HttpResponse<String> created = new Http(port)
                .postJson(
                        "/api/v1/admin/campaigns",
                        "{\"site\":\"olympus-ims\",\"list\":\"newsletter\",\"subjectLine\":\"Styled\",\"body\":\"# Hello\"}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.read(created.body()).get("figures").get("id").asString();
        PolicyViolations console = PolicyViolations.watch(chromium.page(port, true));
        console.visit("/admin");
        console.signInAsAdmin();
        console.visit("/admin/campaigns/" + id);

        assertStyled(console.page().frameLocator("iframe[title='HTML version of the message']"));
        console.collect();
        assertThat(console.violations())
                .as("neither the console's page nor the preview")
                .isEmpty();

        console.page()
                .locator("summary", new Page.LocatorOptions().setHasText("As people who agreed to tracking"))
                .click();
        assertStyled(console.page().frameLocator("iframe[title='HTML version with tracking']"));
        console.collect();
        assertThat(console.violations())
                .as("only the tracking pixel, which a preview must not fetch, is refused, inside its frame")
                .allSatisfy(violation ->
                        assertThat(violation).startsWith("console: ").contains("img-src data:"));
        console.page().context().close();
    }

    /** The campaign's message in the frame, once loaded, with the default template's inline styles applied. */
    private static void assertStyled(FrameLocator frame) {
        assertThat(frame.locator("h1").textContent()).isEqualTo("Hello");
        assertThat(frame.locator("body").evaluate(BACKGROUND))
                .as("the template's inline style applies: its grey background")
                .isEqualTo("rgb(244, 244, 244)");
        assertThat(frame.locator("table table").evaluate(BACKGROUND)).isEqualTo("rgb(255, 255, 255)");
    }

    @Test
    void aMessagesScriptRefreshFormBaseAndOutsidePictureDoNothing() {
        String address = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String elsewhere = "http://127.0.0.1:" + port;
        String html = """
                <!DOCTYPE html><html><head>
                <base href="%1$s/s/">
                <meta http-equiv="refresh" content="0;url=%1$s/admin/staff?refreshed">
                <title>Hostile</title></head><body>
                <p id="words" style="color:rgb(1, 2, 3)">Words</p>
                <script>document.getElementById('words').textContent = 'script ran'; top.document.title = 'script ran';</script>
                <img id="outside" src="%1$s/outside-picture.gif" alt="outside">
                <a id="relative" href="relative-link">a link</a>
                <form method="post" action="%1$s/admin/staff?posted"><button id="send" type="submit">Send</button></form>
                </body></html>
                """.formatted(elsewhere);
        UUID message = mailer.queue(OutgoingMail.service(
                        "olympus-ims", identities.forAddress(Identifier.email(address)), address, "Hostile", "Plain")
                .withHtml(html));
        delivery.deliverDue();
        Page page = chromium.page(port, true);
        // what reached a server: Chromium reports a request its policy blocked too, but no answer to it
        List<String> requests = new ArrayList<>();
        page.onResponse(answer -> requests.add(answer.request().method() + " " + answer.url()));
        PolicyViolations console = PolicyViolations.watch(page);
        console.visit("/admin");
        console.signInAsAdmin();
        console.visit("/admin/mailbox?to=" + address);
        String title = page.title();
        page.waitForTimeout(300);
        assertThat(requests)
                .as("a closed message's frame is not loaded (nor its read audited)")
                .noneMatch(request -> request.contains("/admin/mailbox/" + message + ".html"));

        page.locator("summary", new Page.LocatorOptions().setHasText("HTML version"))
                .click();
        FrameLocator frame = page.frameLocator("iframe[title='HTML version of the message']");
        assertThat(frame.locator("#words").textContent()).as("no script ran").isEqualTo("Words");
        assertThat(frame.locator("#words").evaluate("p => getComputedStyle(p).color"))
                .as("the inline style applies")
                .isEqualTo("rgb(1, 2, 3)");
        assertThat(frame.locator("#words").evaluate("() => window.origin"))
                .as("the frame has no origin of its own")
                .isEqualTo("null");
        assertThat(frame.locator("#relative").evaluate("a => a.href"))
                .as("the base address is refused")
                .isEqualTo("http://localhost:" + port + "/admin/mailbox/relative-link");
        assertThat(frame.locator("#outside").evaluate("img => img.complete && img.naturalWidth"))
                .isEqualTo(0);
        frame.locator("#send").click();
        page.waitForTimeout(1500);

        assertThat(page.title()).isEqualTo(title);
        assertThat(page.frames())
                .as("the refresh moved no frame")
                .anySatisfy(shown -> assertThat(shown.url()).endsWith("/admin/mailbox/" + message + ".html"))
                .noneSatisfy(shown -> assertThat(shown.url()).contains("refreshed"));
        assertThat(requests)
                .contains("GET http://localhost:" + port + "/admin/mailbox/" + message + ".html")
                .noneMatch(request -> request.contains("outside-picture"))
                .noneMatch(request -> request.contains("?posted"))
                .noneMatch(request -> request.contains("?refreshed"));
        console.collect();
        assertThat(console.violations())
                .as("the console's own page reports none")
                .noneMatch(violation -> violation.startsWith("http"));

        // opened on its own, the address is sandboxed by its policy alone
        Page alone = page.context().newPage();
        alone.navigate("/admin/mailbox/" + message + ".html");
        assertThat(alone.locator("#words").textContent()).isEqualTo("Words");
        assertThat(alone.evaluate("() => window.origin")).isEqualTo("null");
        page.context().close();
    }
}
