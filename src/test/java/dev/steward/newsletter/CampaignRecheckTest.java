package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.test.SlowSmtp;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A chunk that takes seconds to go out (a slow mail server, or the site's rate) is decided again for its rest once
 * its decisions are a second old: people who unsubscribe while it goes out receive nothing more of it.
 */
@StewardTest
class CampaignRecheckTest {

    private static final int PEOPLE = 12;
    private static final SlowSmtp smtp = SlowSmtp.start(Duration.ofMillis(300));

    @DynamicPropertySource
    static void slowServer(DynamicPropertyRegistry properties) {
        Smtp.sendTo(properties, smtp.port());
    }

    @AfterAll
    static void stop() throws IOException {
        smtp.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    CampaignStarter starter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void peopleWhoUnsubscribeWhileTheirChunkGoesOutReceiveNothingMoreOfIt() throws Exception {
        Subscribers subscribers = new Subscribers(identities, ledger);
        Campaigns campaigns = new Campaigns(port, jdbc, identities);
        List<SubjectId> people = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            addresses.add(CampaignMailTest.address("slow" + i));
            people.add(subscribers.confirmed(CampaignMailTest.OLYMPUS, addresses.get(i), "newsletter"));
        }
        UUID campaign = campaigns.create(CampaignMailTest.OLYMPUS, "newsletter", "Slowly", CampaignMailTest.body());
        campaigns.send(campaign);

        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(starter::run);
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.accepted().isEmpty());
        for (SubjectId person : people) {
            subscribers.record(
                    person,
                    CampaignMailTest.OLYMPUS,
                    "newsletter",
                    ConsentAction.WITHDRAWN,
                    CollectionMethod.ONE_CLICK);
        }
        clock.advance(Duration.ofSeconds(2));
        sending.get(60, TimeUnit.SECONDS);

        assertThat(smtp.accepted())
                .as("the first message, and those in flight while the people left")
                .hasSizeLessThanOrEqualTo(4);
        assertThat(addresses.stream().map(address -> campaigns.status(campaign, address)))
                .filteredOn("skipped consent-withdrawn"::equals)
                .hasSizeGreaterThanOrEqualTo(PEOPLE - 4);
    }
}
