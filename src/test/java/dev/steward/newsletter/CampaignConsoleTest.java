package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Mailboxes;
import dev.steward.test.MessageFrames;
import dev.steward.test.SeedForms;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import dev.steward.vault.Identities;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo tour: a visitor subscribes with the newsletter form and confirms from the dev mailbox, staff compose a
 * campaign in the console, preview it and send it, and the message is in the dev mailbox as it would have gone out.
 */
@StewardTest
class CampaignConsoleTest {

    @LocalServerPort
    int port;

    @Autowired
    CampaignStarter starter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identities identities;

    @Test
    void aCampaignComposedInTheConsoleReachesAConfirmedSubscriberInTheDevMailbox() {
        SeedForms.Filled subscription = SeedForms.olympusNewsletter()
                .ticking("newsletter", "group-promotions", "hosting-transfer", "newsletter-evaluation");
        HttpResponse<String> submitted = new Http(port).postJson(subscription.apiPath(), subscription.json());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String confirm = Mailboxes.link(
                port, subscription.email(), "Please confirm your subscription", "/s/olympus-ims/confirm/");
        assertThat(new Visitor(port).submit(confirm, confirm, Map.of()).statusCode())
                .isEqualTo(200);

        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        assertThat(console.get("/admin/campaigns").body()).contains("Compose a campaign");
        HttpResponse<String> created = console.submit(
                "/admin/campaigns",
                "/admin/campaigns",
                Map.of(
                        "audience",
                        "olympus-ims/newsletter",
                        "subjectLine",
                        "News from the demo tour",
                        "body",
                        "# Hello\n\nOur [new flaw detector](https://www.olympus-ims.com/en/news/) is here."));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        String shown = console.get(page).body();
        assertThat(shown)
                .contains("Preview")
                .contains("<iframe sandbox=\"\" src=\"" + page + "/preview.html\"")
                .doesNotContain("srcdoc=")
                .contains("List-Unsubscribe-Post")
                .contains("Send now");
        assertThat(console.http().postForm(page + "/send", Map.of()).statusCode())
                .as("a console form without its CSRF token")
                .isEqualTo(403);

        assertThat(console.submit(page, page + "/send", Map.of()).statusCode()).isEqualTo(302);
        starter.run();

        assertThat(console.get(page).body()).contains("Sent").contains("100 % done");
        JsonNode mail = Mailboxes.to(port, subscription.email()).stream()
                .filter(message -> message.get("subjectLine").asString().equals("News from the demo tour"))
                .findFirst()
                .orElseThrow();
        assertThat(mail.get("kind").asString()).isEqualTo("marketing");
        assertThat(mail.get("status").asString()).isEqualTo("sent");
        assertThat(mail.get("transport").asString()).isEqualTo("dev-mailbox");
        assertThat(mail.get("from").asString()).isEqualTo("newsletter@olympus-ims.com");
        assertThat(mail.get("headers").get("List-Unsubscribe").asString()).contains("/s/olympus-ims/unsubscribe/");
        assertThat(mail.get("text").asString())
                .contains("Our \"new flaw detector\"")
                .contains("We record whether you open this e-mail")
                .contains("Olympus Corporation");

        String unsubscribe = Mailboxes.linkIn(mail.get("text").asString(), "/s/olympus-ims/unsubscribe/")
                .orElseThrow();
        assertThat(new Http(port)
                        .postForm(unsubscribe, Map.of("List-Unsubscribe", "One-Click"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void auditorsSeeTheFiguresButComposeAndSendNothing() {
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        Console console = Console.signIn(port, auditor, StaffUsers.PASSWORD);

        HttpResponse<String> list = console.get("/admin/campaigns");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("Compose a campaign");
        assertThat(console.http()
                        .postForm(
                                "/admin/campaigns",
                                Map.of("_csrf", Console.csrf(list.body()), "audience", "olympus-ims/newsletter"))
                        .statusCode())
                .isEqualTo(403);
    }

    /**
     * The preview's HTML comes from an address of its own, with its own policy (its inline styles and pictures shown),
     * to exactly those who see the preview on the campaign's page: staff who compose campaigns, on their sites.
     */
    @Test
    void thePreviewsHtmlIsAnsweredAtItsOwnAddressToThoseWhoSeeThePreviewOnTheirSitesOnly() {
        Campaigns campaigns = new Campaigns(port, jdbc, identities);
        UUID id = campaigns.create("olympus-ims", "newsletter", "Framed", "Hello");
        assertThat(campaigns
                        .attach(id, null, "detector.png", Campaigns.png(0x336699))
                        .statusCode())
                .isEqualTo(201);
        assertThat(new Http(port)
                        .patchJson(
                                "/api/v1/admin/campaigns/" + id,
                                "{\"body\":\"# News\\n\\n![The detector](cid:detector.png)\\n\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        String path = "/admin/campaigns/" + id + "/preview.html";
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String page = admin.get("/admin/campaigns/" + id).body();
        assertThat(page)
                .contains("src=\"" + path + "\"")
                .contains("src=\"" + path + "?tracked=true\"")
                .doesNotContain("srcdoc")
                .doesNotContain(" style=");
        HttpResponse<String> preview = admin.get(path);
        MessageFrames.assertFramed(preview);
        assertThat(preview.body())
                .contains("style=\"margin:0;padding:0;background:#f4f4f4")
                .contains("<img src=\"data:image/png;base64,")
                .doesNotContain("cid:");
        MessageFrames.assertFramed(admin.get(path + "?tracked=true"));

        String olympus = StaffUsers.add(port, "PRIVACY_OFFICER", "olympus-ims");
        MessageFrames.assertFramed(
                Console.signIn(port, olympus, StaffUsers.PASSWORD).get(path));
        String omron = StaffUsers.add(port, "PRIVACY_OFFICER", "omron-healthcare");
        assertThat(Console.signIn(port, omron, StaffUsers.PASSWORD).get(path).statusCode())
                .as("another site's campaign is answered as if it did not exist")
                .isEqualTo(404);
        Console auditor = Console.signIn(port, StaffUsers.add(port, "AUDITOR", null), StaffUsers.PASSWORD);
        assertThat(auditor.get("/admin/campaigns/" + id).body())
                .as("the auditor's page shows no preview")
                .doesNotContain("preview.html");
        assertThat(auditor.get(path).statusCode()).isEqualTo(403);
        assertThat(auditor.get(path + "?tracked=true").statusCode()).isEqualTo(403);
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", null);
        assertThat(Console.signIn(port, agent, StaffUsers.PASSWORD).get(path).statusCode())
                .isEqualTo(403);
        HttpResponse<String> anonymous = new Http(port).get(path);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain("News");
    }
}
