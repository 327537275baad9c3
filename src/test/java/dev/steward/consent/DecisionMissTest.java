package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Notifications;
import dev.steward.platform.StewardProperties;
import dev.steward.test.Canary;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.LiveSubjects;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A decision about a person no cache holds (bench/README.md, miss12): the subject's existence is read with their
 * words, in one query, and their key is not read for it; once the subject is erased, the node that erased denies at
 * once and every other node within a second.
 */
@StewardTest
class DecisionMissTest {

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Identities identities;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    StewardProperties properties;

    @Autowired
    TestClock clock;

    @Autowired
    Notifications notifications;

    @Test
    void aMissReadsExistenceWithTheWordsNotTheKeyAndAnErasureIsDeniedAtOnce() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("decision-miss")));
        ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withWording("Send me the monthly lab newsletter."));
        String id = subject.toString();
        // a second node starts with every cache empty: its first question about the subject is a miss everywhere
        try (ConfigurableApplicationContext second = TestServer.start(
                clock,
                properties.database().url(),
                properties.dataDir(),
                "--steward.catalog=" + StewardTest.CATALOGS)) {
            ConsentDecisions there = second.getBean(ConsentDecisions.class);
            LiveSubjects subjectsThere = second.getBean(LiveSubjects.class);
            assertThat(subjectsThere.held(subject)).isFalse();

            assertThat(there.decide("lab", id, "newsletter", null).reason()).isEqualTo("consent-given");
            assertThat(subjectsThere.held(subject))
                    .as("the decision read the subject's existence with their words, not their key")
                    .isFalse();
            assertThat(there.decide("lab", id, "newsletter", null))
                    .isEqualTo(there.decide("lab", id, "newsletter", clock.instant()));
            assertThat(there.decide("lab", SubjectId.random().toString(), "newsletter", null)
                            .reason())
                    .isEqualTo("unknown-subject");

            decisions.decide("lab", id, "newsletter", null); // cached on this node too
            CountDownLatch release = new CountDownLatch(1);
            holdNotifications(second.getBean(Notifications.class), release);
            try {
                second.getBean(Vault.class).eraseSubject(subject, "erasure request");
                assertThat(there.decide("lab", id, "newsletter", null).reason())
                        .as("denied at once on the node that erased, before the notification comes back")
                        .isEqualTo("unknown-subject");
            } finally {
                release.countDown();
            }
            assertWithinOneSecond(() -> "unknown-subject"
                    .equals(decisions.decide("lab", id, "newsletter", null).reason()));
        }
    }

    /**
     * Keeps the node's notifications from being delivered until the latch is released: a subscriber that waits on
     * it holds the one thread that delivers them.
     */
    private void holdNotifications(Notifications there, CountDownLatch release) {
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        there.subscribe("decision_miss_hold", payload -> {
            if (payload == null) {
                listening.countDown(); // the node listens on the channel now
                return;
            }
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await(listening);
        notifications.send("decision_miss_hold", "hold");
        await(held);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertWithinOneSecond(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("seen within one second").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
