package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault test of a campaign killed twice with SIGKILL ({@code java -jar target/steward.jar}): {@value #SUBSCRIBERS}
 * subscribers, one worker with chunks of {@value #CHUNK}, so that the first process holds every message, one chunk in
 * flight and the other claimed ahead, when it is killed {@value #KILL_AFTER} messages in. The second process claims
 * both chunks again once their leases end and is killed while it sends the second of them; the third finishes. The
 * messages of a chunk claimed ahead were never started at the first kill, so they come back untried and the second
 * kill is the first interruption of their attempt: every subscriber gets the campaign, and none is given up. (Before
 * attempts were marked as started, the chunk claimed ahead counted an interruption at each kill and was given up,
 * mostly unsent, after the second.)
 */
class CampaignKilledTwiceIT {

    static final int SUBSCRIBERS = 200;
    static final int CHUNK = 100;
    static final int KILL_AFTER = 20;
    /** The second process sends the first chunk it claims whole (100 distinct with the first's 20), then some more. */
    static final int SECOND_KILL_AT_DISTINCT = CHUNK + KILL_AFTER;

    static SlowSmtp smtp;
    static StewardProcess steward;
    static JsonNode figures;
    static int acceptedAtFirstKill;
    static int distinctAtSecondKill;

    @BeforeAll
    static void killStewardTwiceWhileItSendsACampaign() throws Exception {
        Path work = Files.createDirectories(
                Path.of("target", "campaign-killed-twice").toAbsolutePath());
        Path data = Files.createTempDirectory(work, "data-");
        smtp = SlowSmtp.start(Duration.ofMillis(15));
        KilledCampaigns campaigns = new KilledCampaigns(smtp, "killed-twice.test");
        campaigns.stage(data, SUBSCRIBERS);

        int port = KilledCampaigns.freePort();
        StewardProcess first = StewardProcess.start(data, port, campaigns.settings(CHUNK, 1), Duration.ofSeconds(90));
        String campaign = KilledCampaigns.send(first.http());
        first.awaitUntil(() -> smtp.accepted().size() >= KILL_AFTER, Duration.ofSeconds(60));
        first.kill();
        acceptedAtFirstKill = smtp.accepted().size();

        // nothing is claimable until the first process's leases end; then both chunks are claimed again
        StewardProcess second = StewardProcess.start(data, port, campaigns.settings(CHUNK, 1), Duration.ofSeconds(90));
        second.awaitUntil(() -> distinct() >= SECOND_KILL_AT_DISTINCT, Duration.ofSeconds(90));
        second.kill();
        distinctAtSecondKill = distinct();

        steward = StewardProcess.start(data, port, campaigns.settings(CHUNK, 1), Duration.ofSeconds(90));
        figures = KilledCampaigns.awaitSent(steward, campaign, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws IOException {
        if (steward != null) {
            steward.close();
        }
        smtp.close();
    }

    @Test
    void everySubscriberGetsTheCampaignAndNoneIsGivenUpAfterTwoKills() {
        List<String> accepted = smtp.accepted();
        List<String> repeats = KilledCampaigns.repeats(accepted);
        System.out.println("CampaignKilledTwiceIT: " + acceptedAtFirstKill + " accepted at the first kill, "
                + distinctAtSecondKill + " distinct at the second, " + accepted.size() + " deliveries of "
                + distinct() + " messages, " + repeats.size() + " repeated");

        assertThat(distinctAtSecondKill).as("killed again mid-way").isLessThan(SUBSCRIBERS);
        assertThat(figures.get("failed").asInt()).as("none given up").isZero();
        assertThat(figures.get("sent").asInt()).isEqualTo(SUBSCRIBERS);
        assertThat(new HashSet<>(accepted))
                .as("every subscriber, under its one Message-ID")
                .hasSize(SUBSCRIBERS);
        assertThat(repeats)
                .as("only what was in flight at the kills: a chunk each")
                .hasSizeLessThanOrEqualTo(2 * CHUNK);
    }

    private static int distinct() {
        return new HashSet<>(smtp.accepted()).size();
    }
}
