package dev.steward.changes;

import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Omron's catalog on a database of its own, as a test of notice changes publishes it: first as in the demo, then
 * revised (a material version that rewords the contest's consent and adds the phone number to it), each start on
 * the same database and data folder, sending mail to a local SMTP server.
 */
final class OmronChange {

    static final String OLD_WORDING = "I choose to participate and agree that Omronhealthcare.com uses my name,"
            + " e-mail address and mailing address to run this survey or contest.";
    static final String SUBJECT_LINE = "Omronhealthcare.com: our privacy notice has changed";
    /** When the people a test tells entered Omron's contest: before the material version took effect. */
    static final Instant BEFORE_THE_CHANGE = Instant.parse("2026-03-01T09:00:00Z");

    static final String NEW_WORDING = "I choose to participate and agree that Omronhealthcare.com uses my name,"
            + " e-mail address, mailing address and phone number to run this survey or contest.";

    final String original;
    private final Path directory;
    private final Path catalog;
    private final String database;
    private final int smtpPort;
    private final String moreCatalogs;

    /** With the catalogs given besides Omron's ({@code ,classpath:…}), or none. */
    OmronChange(Path directory, int smtpPort, String moreCatalogs) throws IOException {
        this.directory = directory;
        this.smtpPort = smtpPort;
        this.moreCatalogs = moreCatalogs;
        this.database = TestDatabase.newDatabase();
        this.catalog = directory.resolve("catalog.yml");
        this.original = Files.readString(Path.of("examples/omron-2012/catalog.yml"));
        Files.writeString(catalog, original);
    }

    /** Omron's catalog from now on: the next start publishes what it declares. */
    void revise(String text) throws IOException {
        Files.writeString(catalog, text);
    }

    /** Version 2026-03-10, material, effective March 10, 2026: the contest's consent reworded, the phone asked. */
    String materialRevision() {
        return materialRevision(original);
    }

    /** The material revision of Omron's catalog as given. */
    static String materialRevision(String original) {
        return original.replace("version: \"2010-05-05\"", "version: \"2026-03-10\"")
                .replace("effective: 2010-05-05", "effective: 2026-03-10")
                .replace(OLD_WORDING, NEW_WORDING)
                .replace(
                        "fields: [name, email, mailingAddress, { field: answer, voluntary: true }]",
                        "fields: [name, email, mailingAddress, phone, { field: answer, voluntary: true }]")
                .replace(
                        "fields: [name, email, mailingAddress, answer]",
                        "fields: [name, email, mailingAddress, phone, answer]");
    }

    ConfigurableApplicationContext start() {
        return TestServer.start(
                database,
                directory.resolve("node"),
                "--steward.catalog=" + catalog + moreCatalogs,
                "--steward.mail.interval=PT1S",
                "--steward.notice-changes.interval=PT1H",
                "--steward.mail.smtp.host=127.0.0.1",
                "--steward.mail.smtp.port=" + smtpPort,
                "--steward.mail.smtp.from=privacy@steward.test");
    }

    /** The session cookie a page set, to send back with its form. */
    static String[] cookieOf(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Set-Cookie")
                .map(cookie -> new String[] {"Cookie", cookie.split(";", 2)[0]})
                .orElse(new String[0]);
    }
}
