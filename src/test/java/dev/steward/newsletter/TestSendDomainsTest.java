package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import dev.steward.vault.Identities;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's test goes only to the sender's domain, or under it, and never where the sender is a free-mail domain:
 * Omron's Reply-To here is a Gmail address, which used to open tests to every Gmail address; the lab's sender here is
 * a Gmail address, where anyone can have a mailbox. Over the API and in the console, with a specific field error, and
 * nothing queued for a refused address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSendDomainsTest {

    private static final String REPLY_TO = "omron.customerservice@gmail.com";

    ConfigurableApplicationContext server;
    Campaigns campaigns;
    JdbcClient jdbc;
    int port;
    UUID omron;
    UUID lab;

    @BeforeAll
    void start(@TempDir Path directory) throws IOException {
        Path omronCatalog = directory.resolve("omron.yml");
        Files.writeString(
                omronCatalog,
                Files.readString(Path.of("examples/omron-2012/catalog.yml"))
                        .replace("replyTo: customerservice@omronhealthcare.com", "replyTo: " + REPLY_TO));
        Path labCatalog = directory.resolve("lab").resolve("catalog.yml");
        Files.createDirectories(labCatalog.getParent());
        Files.writeString(
                labCatalog,
                Files.readString(Path.of("src/test/resources/catalogs/lab/catalog.yml"))
                        .replace("address: news@lab.example", "address: steward.lab@gmail.com"));
        assertThat(Files.readString(omronCatalog)).contains(REPLY_TO);
        assertThat(Files.readString(labCatalog)).contains("steward.lab@gmail.com");
        server = TestServer.start(
                TestDatabase.newDatabase(),
                directory.resolve("node"),
                "--steward.catalog=" + omronCatalog + "," + labCatalog.getParent(),
                "--steward.newsletter.interval=PT1H");
        port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        jdbc = server.getBean(JdbcClient.class);
        campaigns = new Campaigns(port, jdbc, server.getBean(Identities.class));
        omron = campaigns.create("omron-healthcare", "operational-notices", "Recall", "Please stop using it.");
        lab = campaigns.create("lab", "invoicing", "Invoices", "Our invoices have a new address.");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aTestGoesOnlyToTheSendersDomainNeverToTheReplyTosFreeMailDomain() {
        long mails = mails();
        for (String to : List.of(
                "anyone@gmail.com",
                REPLY_TO,
                "staff@omronhealthcare.com.evil.example",
                "staff@evil-omronhealthcare.com",
                "staff@healthcare.com")) {
            HttpResponse<String> refused = test(omron, to);
            assertThat(refused.statusCode()).as(to).isEqualTo(422);
            JsonNode error = Json.read(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("to");
            assertThat(error.get("code").asString()).as(to).isEqualTo("not-staff");
            assertThat(error.get("message").asString())
                    .isEqualTo("A test goes only to a staff address at the sender's domain, omronhealthcare.com, or"
                            + " under it.");
        }
        assertThat(mails()).as("nothing queued for any of them").isEqualTo(mails);

        assertThat(test(omron, "Marketing@OmronHealthcare.com").statusCode()).isEqualTo(202);
        assertThat(test(omron, "marketing@eu.omronhealthcare.com").statusCode())
                .as("under the sender's domain")
                .isEqualTo(202);
        assertThat(mails()).isEqualTo(mails + 2);
    }

    @Test
    void aSenderAtAFreeMailDomainAllowsNoTestAtAll() {
        long mails = mails();
        for (String to : List.of("steward.lab@gmail.com", "someone@gmail.com", "staff@lab.example")) {
            HttpResponse<String> refused = test(lab, to);
            assertThat(refused.statusCode()).as(to).isEqualTo(422);
            JsonNode error = Json.read(refused.body()).get("errors").get(0);
            assertThat(error.get("code").asString()).as(to).isEqualTo("sender-free-mail");
            assertThat(error.get("message").asString())
                    .startsWith("A test needs the site's sender at the company's own domain: gmail.com is a free-mail"
                            + " domain");
        }
        assertThat(mails()).isEqualTo(mails);
    }

    @Test
    void theConsoleNamesTheRefusalAtTheField() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = "/admin/campaigns/" + omron;
        long mails = mails();

        HttpResponse<String> refused = admin.submit(page, page + "/test", Map.of("to", "anyone@gmail.com"));
        String shown = admin.get(page).body();

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(shown).contains("domain, omronhealthcare.com, or under it.");
        assertThat(mails()).isEqualTo(mails);
        HttpResponse<String> sent = admin.submit(page, page + "/test", Map.of("to", "team@omronhealthcare.com"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(mails()).isEqualTo(mails + 1);
    }

    private HttpResponse<String> test(UUID campaign, String to) {
        return campaigns.post("/api/v1/admin/campaigns/" + campaign + "/test", Map.of("to", to));
    }

    private long mails() {
        return jdbc.sql("SELECT count(*) FROM mail_message").query(Long.class).single();
    }
}
