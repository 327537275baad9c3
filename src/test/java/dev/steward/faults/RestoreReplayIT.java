package dev.steward.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Directories;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import dev.steward.test.SubjectTraces;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An operator's restore: the data directory of a stopped PostgreSQL is copied (a physical backup), a person is then
 * erased, the backup is put back, and {@code restore-replay} runs as its own JVM. Replay goes through the path every
 * erasure takes, so no table holds the person afterwards, the evidence chains aside, which keep pseudonymous rows by
 * design. Every column of every table that could hold the person's id is searched, found through the schema.
 */
class RestoreReplayIT {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @TempDir
    Path work;

    @Test
    void afterRestoringABackupTakenBeforeAnErasureReplayLeavesNoRowOfThePersonInAnyTable() throws Exception {
        Postgres postgres = new Postgres(work.resolve("postgres"), freePort());
        Path dataDir = Files.createDirectories(work.resolve("steward"));
        String email = Canary.email(SeedForms.unique("restored"));
        UUID wrote;
        List<UUID> person;

        postgres.start();
        try (ConfigurableApplicationContext steward = steward(postgres, dataDir)) {
            wrote = livesEverywhere(steward, email);
        }
        postgres.stop();
        Path backup = work.resolve("backup");
        Directories.copy(postgres.directory(), backup);

        postgres.start();
        try (ConfigurableApplicationContext steward = steward(postgres, dataDir)) {
            erase(steward, email);
            // the subjects the proven address reached: what the contact form, the registration and each request
            // were submitted under
            person = postgres.jdbc()
                    .sql("SELECT subject_id FROM erasure_log WHERE subject_id IS NOT NULL")
                    .query(UUID.class)
                    .list();
            assertThat(person).contains(wrote);
            assertThat(SubjectTraces.of(postgres.jdbc(), person))
                    .as("after the erasure itself, only the answer to the request waits in the outbox")
                    .containsOnlyKeys("mail_message.subject_id");
        }
        postgres.stop();
        Directories.delete(postgres.directory());
        Directories.copy(backup, postgres.directory());

        postgres.start();
        try {
            Map<String, Long> restored = SubjectTraces.of(postgres.jdbc(), person);
            assertThat(restored)
                    .as("the backup brings the person back")
                    .containsKeys(
                            "data_subject.id",
                            "personal_record.subject_id",
                            "inquiry_case.subject_id",
                            "mail_message.subject_id",
                            "rights_request.subject_id",
                            "account.subject_id");

            StewardProcess.Finished replay =
                    StewardProcess.run(postgres.url(), dataDir, Duration.ofSeconds(120), "restore-replay");

            assertThat(replay.exit()).as(replay.output()).isZero();
            assertThat(replay.output()).contains(person.size() + " tombstones were missing from the database");
            Map<String, Long> left = SubjectTraces.of(postgres.jdbc(), person);
            assertThat(left)
                    .as("rows naming the person outside the evidence chains")
                    .isEmpty();
            assertThat(postgres.jdbc()
                            .sql("SELECT count(*) FROM suppressed_identifier")
                            .query(Long.class)
                            .single())
                    .as("the address is suppressed again, as the erasure request did")
                    .isPositive();
            new Figures("restore-replay")
                    .put("subjects erased (the person's address reached them all)", person.size())
                    .put(
                            "columns searched (uuid, text, json and arrays, evidence chains aside)",
                            SubjectTraces.columnsSearched(postgres.jdbc()))
                    .put("tables naming the person in the restored backup", restored.keySet())
                    .put(
                            "rows naming the person in the restored backup",
                            restored.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum())
                    .put(
                            "rows naming the person after restore-replay",
                            left.values().stream().mapToLong(Long::longValue).sum())
                    .write();
        } finally {
            postgres.stop();
        }
    }

    /**
     * The person writes through the contact form (a record, consents, a disclosure, a case), registers an account with
     * the same address, asks for access (verified, waiting for staff), and staff answer the case by mail. Answers the
     * subject the contact form was stored under.
     */
    private static UUID livesEverywhere(ConfigurableApplicationContext steward, String email) throws Exception {
        Http visitor = TestServer.http(steward);
        SeedForms.Filled contact = SeedForms.olympusContact().with("email", email);
        HttpResponse<String> wrote = visitor.postJson(contact.apiPath(), contact.json());
        assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(201);
        UUID subject = UUID.fromString(Json.read(wrote.body()).get("subject").asString());
        SeedForms.Filled registration = SeedForms.olympusSoftwareDownload().with("email", email);
        HttpResponse<String> registered = visitor.postJson(registration.apiPath(), registration.json());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        request(steward, email, "{\"type\":\"access\"}");
        JsonNode inquiry = caseOf(visitor, subject);
        HttpResponse<String> replied = visitor.postJson(
                "/api/v1/admin/inquiries/" + inquiry.get("id").asString() + "/replies",
                "{\"text\":\"Thank you, we are on it.\"}",
                ADMIN);
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
        return subject;
    }

    private static void erase(ConfigurableApplicationContext steward, String email) {
        // this start's clock begins where the first one's did: the erasure comes a day after
        steward.getBean(TestClock.class).advance(Duration.ofDays(1));
        String request = request(steward, email, "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}");
        HttpResponse<String> fulfilled =
                TestServer.http(steward).postJson("/api/v1/admin/requests/" + request + "/fulfil", "{}", ADMIN);
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
        assertThat(new Inbox(port(steward)).newestTextTo(email)).contains("All your data held for this site is erased");
    }

    /** A rights request, verified through the link mailed to the address; answers its id. */
    private static String request(ConfigurableApplicationContext steward, String email, String json) {
        // the mail to verify it is then the newest to the address
        steward.getBean(TestClock.class).advance(Duration.ofSeconds(1));
        Http http = TestServer.http(steward);
        String body = json.replaceFirst("\\{", "{\"email\":\"" + email + "\",\"region\":\"EU\",");
        HttpResponse<String> submitted = http.postJson("/api/v1/sites/olympus-ims/requests", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.read(submitted.body()).get("request").asString();
        String token = new Inbox(port(steward)).find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/olympus-ims/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    /** The case the contact form opened, once the event that opens it after the submission has been handled. */
    private static JsonNode caseOf(Http http, UUID subject) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (JsonNode inquiry : Json.read(http.get("/api/v1/admin/inquiries?site=olympus-ims", ADMIN)
                            .body())
                    .get("cases")) {
                if (inquiry.get("subject").asString().equals(subject.toString())) {
                    return inquiry;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No case was opened for the contact form");
    }

    private static ConfigurableApplicationContext steward(Postgres postgres, Path dataDir) {
        return TestServer.start(
                postgres.url(),
                dataDir,
                "--steward.catalog=" + StewardTest.CATALOGS,
                "--steward.retention.scheduled=false");
    }

    private static int port(ConfigurableApplicationContext steward) {
        return steward.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A PostgreSQL of this test's own, durable, whose data directory is copied while it is stopped. */
    private static final class Postgres {

        private final Path directory;
        private final int port;
        private EmbeddedPostgres running;

        Postgres(Path directory, int port) {
            this.directory = directory;
            this.port = port;
        }

        void start() throws Exception {
            boolean first = !Files.exists(directory);
            Files.createDirectories(directory);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .start();
            if (first) {
                try (Connection connection = running.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE steward");
                }
            }
        }

        void stop() throws IOException {
            running.close();
        }

        Path directory() {
            return directory;
        }

        String url() {
            return running.getJdbcUrl("postgres", "steward");
        }

        JdbcClient jdbc() {
            return SweepKilledIT.jdbc(url());
        }
    }
}
