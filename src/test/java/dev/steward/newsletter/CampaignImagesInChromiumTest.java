package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.steward.test.Chromium;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator attaches a picture to a draft on the campaign's page, sees it listed with its Markdown, pastes
 * that into the message, and the preview shows the picture, as does the dev mailbox once a test is sent; a file that
 * is not a picture is refused at its field.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignImagesInChromiumTest {

    /** The picture's width once it has loaded (0 if it cannot be shown). */
    private static final String LOADED = "img => img.complete ? img.naturalWidth"
            + " : new Promise(done => { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })";

    @LocalServerPort
    int port;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    @Test
    void aPictureIsAttachedListedPastedAndShownInThePreviewAndTheDevMailbox() {
        HttpResponse<String> created = new Http(port)
                .postJson(
                        "/api/v1/admin/campaigns",
                        "{\"site\":\"olympus-ims\",\"list\":\"newsletter\",\"subjectLine\":\"Pictures\",\"body\":\"Hello\"}",
                        Campaigns.admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.read(created.body()).get("figures").get("id").asString();
        Page page = chromium.page(port, true);
        page.navigate("/admin/campaigns/" + id);
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(StewardTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.navigate("/admin/campaigns/" + id);
        assertThat(page.textContent("main")).contains("No pictures attached.");

        page.getByLabel("Picture (PNG, JPEG, GIF or WebP)")
                .setInputFiles(new FilePayload("notes.png", "image/png", "just text".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach picture"))
                .click();
        assertThat(page.locator("#file-error").textContent()).contains("not a PNG, JPEG, GIF or WebP picture");

        page.getByLabel("Picture (PNG, JPEG, GIF or WebP)")
                .setInputFiles(new FilePayload("detector.png", "image/png", Campaigns.png(0x336699)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach picture"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("![detector](cid:detector.png)");
        Locator row = page.locator("#images tbody tr");
        // The status is parsed before the table, so the row is waited for, not counted at once.
        PlaywrightAssertions.assertThat(row).hasCount(1);
        assertThat(row.textContent())
                .contains("detector.png")
                .contains("PNG")
                .doesNotContain("image/png")
                .contains("1 KB");
        assertThat(page.locator("#images img.thumbnail").getAttribute("src"))
                .isEqualTo("/admin/campaigns/" + id + "/images/detector.png");
        assertThat((Integer) page.locator("#images img.thumbnail").evaluate(LOADED))
                .as("the thumbnail loads from the console's own address")
                .isEqualTo(16);

        page.getByLabel("Message (Markdown)").fill("# Hello\n\n![The detector](cid:detector.png)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("The draft is saved.");
        Locator pictured =
                page.frameLocator("iframe[title='HTML version of the message']").locator("img[alt='The detector']");
        assertThat(pictured.getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat((Integer) pictured.evaluate(LOADED))
                .as("the preview shows the picture")
                .isEqualTo(16);

        // a test send reaches the dev mailbox, whose page shows the picture inside the message's sandboxed frame
        String staff = "chromium-pictures@olympus-ims.com";
        HttpResponse<String> tested = new Http(port)
                .postJson("/api/v1/admin/campaigns/" + id + "/test", "{\"to\":\"" + staff + "\"}", Campaigns.admin());
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(40))
                .until(() -> new Http(port)
                        .get("/api/v1/admin/mailbox?to=" + staff, Campaigns.admin())
                        .body()
                        .contains("\"messageId\""));
        page.navigate("/admin/mailbox?to=" + staff);
        page.locator("summary", new Page.LocatorOptions().setHasText("HTML version"))
                .click();
        Locator mailed =
                page.frameLocator("iframe[title='HTML version of the message']").locator("img[alt='The detector']");
        assertThat((Integer) mailed.evaluate(LOADED))
                .as("the dev mailbox shows the picture")
                .isEqualTo(16);
        page.navigate("/admin/campaigns/" + id);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete detector.png"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("detector.png");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("No pictures attached.");
        assertThat(new Http(port)
                        .get("/admin/campaigns/" + id + "/images/detector.png")
                        .statusCode())
                .as("no address outside the sign-in")
                .isEqualTo(302);
    }
}
