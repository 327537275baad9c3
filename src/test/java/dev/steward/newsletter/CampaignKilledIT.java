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
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        KilledCampaigns campaigns = new KilledCampaigns(smtp, "killed.test");
        campaigns.stage(data, SUBSCRIBERS);

        int port = KilledCampaigns.freePort();
        StewardProcess first =
                StewardProcess.start(data, port, campaigns.settings(CHUNK, WORKERS), Duration.ofSeconds(90));
        String campaign = KilledCampaigns.send(first.http());
        first.awaitUntil(() -> smtp.accepted().size() >= KILL_AFTER, Duration.ofSeconds(60));
        first.kill();
        acceptedAtKill = smtp.accepted().size();

        steward = StewardProcess.start(data, port, campaigns.settings(CHUNK, WORKERS), Duration.ofSeconds(90));
        figures = KilledCampaigns.awaitSent(steward, campaign, Duration.ofSeconds(90));
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
        List<String> repeats = KilledCampaigns.repeats(accepted);
        System.out.println("CampaignKilledIT: " + acceptedAtKill + " accepted at the kill, " + accepted.size()
                + " deliveries of " + distinct.size() + " messages, " + repeats.size() + " repeated");

        assertThat(acceptedAtKill).as("killed mid-way").isLessThan(SUBSCRIBERS);
        assertThat(figures.get("sent").asInt()).isEqualTo(SUBSCRIBERS);
        assertThat(figures.get("failed").asInt()).isZero();
        assertThat(distinct).as("none lost, none under another Message-ID").hasSize(SUBSCRIBERS);
        assertThat(repeats).as("only what was in flight at the kill").hasSizeLessThanOrEqualTo(IN_FLIGHT);
        assertThat(repeats.size() + SUBSCRIBERS).isEqualTo(accepted.size());
    }
}
