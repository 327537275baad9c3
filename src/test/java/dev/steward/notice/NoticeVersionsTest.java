package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.TestClock;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.JsonNode;

/**
 * Publishes the tiny catalog of {@code catalogs/versions} as version 1, changes the catalog in place and starts again
 * to publish version 2, on one database and with servers of its own, so the shared demo context stays untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeVersionsTest {

    static final String REVISIONS = "src/test/resources/catalogs/versions/";

    Path directory;
    String database;
    Path catalog;
    String firstVersionAsPublished;
    String inForceBeforeTheSecondRevision;
    ConfigurableApplicationContext server;
    Http http;

    @BeforeAll
    void publishTwoRevisions(@TempDir Path temporary) throws IOException {
        directory = temporary;
        database = TestDatabase.newDatabase();
        catalog = directory.resolve("catalog.yml");
        Files.copy(Path.of(REVISIONS, "revision-1.yml"), catalog);
        try (ConfigurableApplicationContext first = start()) {
            Http firstHttp = TestServer.http(first);
            firstVersionAsPublished = firstHttp.get("/s/tiny/privacy/v/1").body();
            inForceBeforeTheSecondRevision = firstHttp.get("/s/tiny/privacy").body();
        }
        Files.copy(Path.of(REVISIONS, "revision-2.yml"), catalog, StandardCopyOption.REPLACE_EXISTING);
        server = start();
        http = TestServer.http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNewVersionIsAddedAndTheOldOneStillReadsByteForByteAsPublished() {
        assertThat(inForceBeforeTheSecondRevision).isEqualTo(firstVersionAsPublished);
        assertThat(firstVersionAsPublished).contains("Counts visits.").contains("Version <strong>1</strong>");

        assertThat(http.get("/s/tiny/privacy/v/1").body()).isEqualTo(firstVersionAsPublished);
        assertThat(http.get("/s/tiny/privacy/v/2").body())
                .contains("Version <strong>2</strong>")
                .contains("Remembers your language.")
                .doesNotContain("Counts visits.");
        assertThat(http.get("/api/v1/sites/tiny/notice/versions").body())
                .contains("\"version\":\"2\",\"effective\":\"2026-04-01\"")
                .contains("\"version\":\"1\",\"effective\":\"2026-01-01\"");
    }

    @Test
    void theVersionInForceIsTheNewestWhoseEffectiveDateHasCome() {
        TestClock clock = server.getBean(TestClock.class);

        clock.set(Instant.parse("2026-03-31T23:59:59Z"));
        assertThat(http.get("/s/tiny/privacy").body()).isEqualTo(firstVersionAsPublished);
        assertThat(Json.read(http.get("/s/tiny/privacy.json").body())
                        .get("version")
                        .asString())
                .isEqualTo("1");

        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(http.get("/s/tiny/privacy").body())
                .isEqualTo(http.get("/s/tiny/privacy/v/2").body());
        assertThat(Json.read(http.get("/s/tiny/privacy.json").body())
                        .get("version")
                        .asString())
                .isEqualTo("2");
    }

    @Test
    void theDiffListsWhatWasAddedRemovedAndChangedInEveryCategory() {
        JsonNode diff =
                Json.read(http.get("/api/v1/sites/tiny/notice/diff?from=1&to=2").body());

        assertThat(Json.rows(diff.get("changes"), "category", "key", "kind"))
                .containsExactlyInAnyOrder(
                        "purposes | statistics | removed",
                        "purposes | newsletter | added",
                        "purposes | answer-questions | changed",
                        "fields | ipAddress | removed",
                        "fields | firstName | added",
                        "fields | message | changed",
                        "activities | visits | removed",
                        "activities | newsletter | added",
                        "activities | questions | changed",
                        "recipients | counter | removed",
                        "recipients | mailer | added",
                        "recipients | helpdesk | changed",
                        "transfers | counter | removed",
                        "transfers | mailer | added",
                        "transfers | host | changed",
                        "retentionRules | week | removed",
                        "retentionRules | while-subscribed | added",
                        "retentionRules | after-answer | changed",
                        "cookies | counter | removed",
                        "cookies | language | added",
                        "cookies | session | changed");
        assertThat(attributes(diff, "transfers", "host"))
                .isEqualTo(Map.of(
                        "safeguard",
                        "Standard Contractual Clauses, Art. 46(2)(c) GDPR -> Binding corporate rules, Art. 47 GDPR"));
        assertThat(attributes(diff, "retentionRules", "after-answer"))
                .containsEntry("rule", "case-closed + P30D -> case-closed + P60D");
        assertThat(attributes(diff, "fields", "message")).isEqualTo(Map.of("label", "Message -> Your message"));
    }

    @Test
    void changedFactsUnderAPublishedVersionLabelStopTheStart() throws IOException {
        Path changed = directory.resolve("changed.yml");
        Files.writeString(
                changed,
                Files.readString(catalog).replace("Remembers your language.", "Remembers your language and region."));

        Throwable failure = catchThrowable(
                () -> TestServer.start(database, directory.resolve("node"), "--steward.catalog=" + changed)
                        .close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The catalog changes the notice of site 'tiny', but its notice.version is still '2',"
                        + " which was published on 2026-03-02T09:00:00Z and cannot change. Give the revision a new"
                        + " notice.version.");
    }

    /** Every start is the same node: nodes sharing a database share its data directory's master key set. */
    private ConfigurableApplicationContext start() {
        return TestServer.start(database, directory.resolve("node"), "--steward.catalog=" + catalog);
    }

    private static Map<String, String> attributes(JsonNode diff, String category, String key) {
        JsonNode change = diff.get("changes")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category)
                        && c.get("key").asString().equals(key))
                .findFirst()
                .orElseThrow();
        Map<String, String> attributes = new TreeMap<>();
        change.get("attributes")
                .properties()
                .forEach(attribute -> attributes.put(
                        attribute.getKey(),
                        attribute.getValue().get("before").asString() + " -> "
                                + attribute.getValue().get("after").asString()));
        return attributes;
    }
}
