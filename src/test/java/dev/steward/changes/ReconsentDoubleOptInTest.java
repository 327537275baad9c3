package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.TestClock;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Olympus rewords its newsletter's consent in a material version: a subscriber who confirmed the double opt-in is
 * asked to consent again, and does so through the link mailed to them. That link comes back from their mailbox, as a
 * double opt-in's does, so they stay subscribed; a consent given again must not leave them awaiting a confirmation
 * that no mail asks for.
 */
class ReconsentDoubleOptInTest {

    static final String OLD_WORDING = "Yes, subscribe me to the Olympus newsletter about interesting offers related to"
            + " Olympus products and services, and send me";
    static final String NEW_WORDING = "Yes, subscribe me to the Olympus newsletter about interesting offers related to"
            + " Olympus products, services and events, and send me";

    @Test
    void consentingAgainToADoubleOptInListKeepsThePersonSubscribed(@TempDir Path directory) throws IOException {
        Path catalogs = directory.resolve("catalogs");
        copy(Path.of("examples/olympus-2017"), catalogs.resolve("olympus-2017"));
        copy(Path.of("examples/olympus-2018"), catalogs.resolve("olympus-2018"));
        Path catalog = catalogs.resolve("olympus-2018");
        String database = TestDatabase.newDatabase();
        Filled mary = SeedForms.olympusNewsletter();
        String subject;
        try (ConfigurableApplicationContext first = start(database, directory, catalog)) {
            // she subscribes after the versions of the demo were published: no change of theirs concerns her
            first.getBean(TestClock.class).advance(Duration.ofHours(1));
            Http http = TestServer.http(first);
            HttpResponse<String> submitted = http.postJson(mary.apiPath(), mary.json());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            subject = Json.read(submitted.body()).get("subject").asString();
            press(
                    http,
                    Mailboxes.link(port(first), mary.email(), "confirm your subscription", "/s/olympus-ims/confirm/"));
            assertThat(decision(first, subject, "newsletter").reason()).isEqualTo("consent-confirmed");
        }
        Path activities = catalog.resolve("activities.yml");
        Files.writeString(activities, Files.readString(activities).replace(OLD_WORDING, NEW_WORDING));
        Path controller = catalog.resolve("controller.yml");
        Files.writeString(
                controller,
                Files.readString(controller)
                        .replace("version: \"2018-04-03\"", "version: \"2026-03-10\"")
                        .replace("effective: 2018-04-03", "effective: 2026-03-10"));

        try (ConfigurableApplicationContext server =
                start(new TestClock(Instant.parse("2026-03-05T09:00:00Z")), database, directory, catalog)) {
            assertThat(server.getBean(NoticeChangeMailing.class).run()).isEqualTo(1);
            Http http = TestServer.http(server);
            HttpResponse<String> confirmed = press(
                    http,
                    Mailboxes.link(
                            port(server),
                            mary.email(),
                            "our privacy notice has changed",
                            "/s/olympus-ims/notice-change/"));
            assertThat(Pages.text(confirmed.body()))
                    .as("each receipt named by the consent it proves, not numbered")
                    .contains("Receipt: Sending you our newsletter about interesting offers")
                    .contains("Receipt: Promotional e-mails from Olympus Group Entities")
                    .doesNotContainPattern("receipt \\d");

            for (String list : List.of("newsletter", "group-promotions")) {
                ConsentDecision now = decision(server, subject, list);
                assertThat(now.allowed()).as(list + ": " + now.reason()).isTrue();
            }
        }
    }

    private static ConsentDecision decision(ConfigurableApplicationContext server, String subject, String purpose) {
        return server.getBean(ConsentDecisions.class).decide("olympus-ims", subject, purpose, null);
    }

    /** Opens a mailed link's page and presses its button, as the person does. */
    private static HttpResponse<String> press(Http http, String link) {
        HttpResponse<String> opened = http.get(link);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String[] cookie = opened.headers()
                .firstValue("Set-Cookie")
                .map(value -> new String[] {"Cookie", value.split(";", 2)[0]})
                .orElse(new String[0]);
        HttpResponse<String> pressed = http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), cookie);
        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
        return pressed;
    }

    private static int port(ConfigurableApplicationContext server) {
        return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static ConfigurableApplicationContext start(String database, Path directory, Path catalog) {
        return TestServer.start(database, directory.resolve("node"), settings(catalog));
    }

    private static ConfigurableApplicationContext start(
            TestClock clock, String database, Path directory, Path catalog) {
        return TestServer.start(clock, database, directory.resolve("node"), settings(catalog));
    }

    private static String[] settings(Path catalog) {
        return new String[] {
            "--steward.catalog=" + catalog, "--steward.mail.interval=PT1S", "--steward.notice-changes.interval=PT1H"
        };
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
