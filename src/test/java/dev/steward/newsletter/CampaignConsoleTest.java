package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Mailboxes;
import dev.steward.test.SeedForms;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
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
                .contains("srcdoc=")
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
}
