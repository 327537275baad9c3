package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import dev.steward.consent.ConsentLedger;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What the campaign fault tests share: confirmed subscribers staged on the data directory the processes get, the
 * processes' settings (only the campaign reaches the slow SMTP server), a campaign sent, and its figures once sent.
 */
final class KilledCampaigns {

    private final SlowSmtp smtp;
    private final String domain;

    /** @param domain the subscribers' and the sender's mail domain, one per test */
    KilledCampaigns(SlowSmtp smtp, String domain) {
        this.smtp = smtp;
        this.domain = domain;
    }

    /** The subscribers, confirmed as the double opt-in records them. */
    void stage(Path data, int subscribers) {
        try (ConfigurableApplicationContext staging = new SpringApplicationBuilder(StewardApplication.class)
                .run(args(
                        data,
                        "--server.port=0",
                        "--steward.newsletter.interval=PT1H",
                        "--steward.database.fsync=false"))) {
            Subscribers confirmed =
                    new Subscribers(staging.getBean(Identities.class), staging.getBean(ConsentLedger.class));
            for (int i = 0; i < subscribers; i++) {
                confirmed.confirmed("olympus-ims", Canary.email("reader-" + i, domain), "newsletter");
            }
        }
    }

    List<String> settings(int chunk, int workers) {
        return List.of(args(
                null,
                "--steward.newsletter.interval=PT1S",
                "--steward.newsletter.chunk=" + chunk,
                "--steward.newsletter.parallelism=" + workers,
                "--steward.newsletter.rate-per-second=0",
                // a short lease, so the next start finds the leases over soon; attempts fit well inside it
                "--steward.outbound.lease=PT20S",
                "--steward.mail.smtp.timeout=PT3S"));
    }

    /** Creates a campaign to the newsletter list and sends it now; answers its id. */
    static String send(Http http) {
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
        return campaign;
    }

    /** The campaign's figures once it is sent. */
    static JsonNode awaitSent(StewardProcess steward, String campaign, Duration atMost) {
        AtomicReference<JsonNode> figures = new AtomicReference<>();
        steward.awaitUntil(
                () -> {
                    figures.set(Json.read(steward.http()
                                    .get("/api/v1/admin/campaigns/" + campaign, Campaigns.admin())
                                    .body())
                            .get("figures"));
                    return figures.get().get("status").asString().equals("sent");
                },
                atMost);
        return figures.get();
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

    private String[] args(@Nullable Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--steward.catalog=classpath:examples/olympus-2018,classpath:examples/omron-2012",
                "--steward.mail.smtp.host=127.0.0.1",
                "--steward.mail.smtp.port=" + smtp.port(),
                "--steward.mail.smtp.from=privacy@" + domain,
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
}
