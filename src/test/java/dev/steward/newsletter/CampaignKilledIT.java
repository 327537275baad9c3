package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import dev.steward.consent.ConsentLedger;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Fault test of a campaign with real processes: {@value #SUBSCRIBERS} confirmed subscribers, a campaign sent to a slow
 * SMTP server by Steward ({@code java -jar target/steward.jar}), killed with SIGKILL once {@value #KILL_AFTER}
 * messages were accepted, and started again. At the kill each worker may have a chunk partly sent and not on record:
 * every message must still arrive, under its one Message-ID, and only those chunks' messages may arrive once more.
 */
class CampaignKilledIT {

    static final int SUBSCRIBERS = 400;
    static final int CHUNK = 20;
    static final int WORKERS = 2;
    // not a multiple of a chunk: each worker is killed in the middle of one
    static final int KILL_AFTER = 130;
    /** Per worker, the chunk being sent. */
    static final int IN_FLIGHT = WORKERS * CHUNK;

    static SlowSmtp smtp;
    static StewardProcess steward;
    static JsonNode figures;
    static int acceptedAtKill;

    @BeforeAll
    static void killStewardWhileItSendsACampaign() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "campaign-killed").toAbsolutePath());
        Path data = Files.createTempDirectory(work, "data-");
        smtp = SlowSmtp.start(Duration.ofMillis(15));
        stage(data);

        int port = freePort();
        StewardProcess first = StewardProcess.start(data, port, settings(), Duration.ofSeconds(90));
        Http http = first.http();
        String campaign = Json.read(http.postJson(
                                "/api/v1/admin/campaigns",
                                "{\"site\":\"olympus-ims\",\"list\":\"newsletter\",\"subjectLine\":\"Lenses\","
                                        + "\"body\":\"# New lenses\\n\\nTwo more this spring.\"}",
                                Campaigns.admin())
                        .body())
                .get("figures")
                .get("id")
                .asString();
        assertThat(http.postJson("/api/v1/admin/campaigns/" + campaign + "/send", "{}", Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        first.awaitUntil(() -> smtp.accepted().size() >= KILL_AFTER, Duration.ofSeconds(60));
        first.kill();
        acceptedAtKill = smtp.accepted().size();

        steward = StewardProcess.start(data, port, settings(), Duration.ofSeconds(90));
        steward.awaitUntil(
                () -> {
                    figures = Json.read(steward.http()
                                    .get("/api/v1/admin/campaigns/" + campaign, Campaigns.admin())
                                    .body())
                            .get("figures");
                    return figures.get("status").asString().equals("sent");
                },
                Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws IOException {
        if (steward != null) {
            steward.close();
        }
        smtp.close();
    }

    @Test
    void everySubscriberGetsTheCampaignUnderItsOneMessageIdAndOnlyWhatWasInFlightArrivesTwice() {
        List<String> accepted = smtp.accepted();
        Set<String> distinct = new HashSet<>(accepted);
        List<String> repeats = repeats(accepted);
        System.out.println("CampaignKilledIT: " + acceptedAtKill + " accepted at the kill, " + accepted.size()
                + " deliveries of " + distinct.size() + " messages, " + repeats.size() + " repeated");

        assertThat(acceptedAtKill).as("killed mid-way").isLessThan(SUBSCRIBERS);
        assertThat(figures.get("sent").asInt()).isEqualTo(SUBSCRIBERS);
        assertThat(figures.get("failed").asInt()).isZero();
        assertThat(distinct).as("none lost, none under another Message-ID").hasSize(SUBSCRIBERS);
        assertThat(repeats).as("only what was in flight at the kill").hasSizeLessThanOrEqualTo(IN_FLIGHT);
        assertThat(repeats.size() + SUBSCRIBERS).isEqualTo(accepted.size());
    }

    /** The subscribers, confirmed as the double opt-in records them, on the data directory the processes get. */
    static void stage(Path data) {
        try (ConfigurableApplicationContext staging = new SpringApplicationBuilder(StewardApplication.class)
                .run(args(
                        data,
                        "--server.port=0",
                        "--steward.newsletter.interval=PT1H",
                        "--steward.database.fsync=false"))) {
            Subscribers subscribers =
                    new Subscribers(staging.getBean(Identities.class), staging.getBean(ConsentLedger.class));
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscribers.confirmed("olympus-ims", "reader-" + i + "@killed.test", "newsletter");
            }
        }
    }

    static List<String> settings() {
        return List.of(args(
                null,
                "--steward.newsletter.interval=PT1S",
                "--steward.newsletter.chunk=" + CHUNK,
                "--steward.newsletter.parallelism=" + WORKERS,
                "--steward.newsletter.rate-per-second=0",
                // a short lease, so the second start finds the first one's leases over; attempts fit well inside it
                "--steward.outbound.lease=PT20S",
                "--steward.mail.smtp.timeout=PT3S"));
    }

    static String[] args(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--steward.catalog=classpath:examples/olympus-2018,classpath:examples/omron-2012",
                "--steward.mail.smtp.host=127.0.0.1",
                "--steward.mail.smtp.port=" + smtp.port(),
                "--steward.mail.smtp.from=privacy@killed.test",
                "--steward.retention.scheduled=false",
                // only the campaign reaches the server: no notice-change mailing, no outbox
                "--steward.notice-changes.interval=PT24H",
                "--steward.mail.interval=PT24H"));
        if (data != null) {
            args.add("--steward.data-dir=" + data);
            args.add("--steward.admin-password=" + StewardTest.ADMIN_PASSWORD);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static List<String> repeats(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(id -> !seen.add(id)).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
