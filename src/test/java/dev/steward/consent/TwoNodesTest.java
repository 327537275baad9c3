package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.StewardProperties;
import dev.steward.test.Canary;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Steward nodes share one database: each sees the other's consent changes and erasures within a second. */
@StewardTest
class TwoNodesTest {

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    StewardProperties properties;

    @Autowired
    TestClock clock;

    @Test
    void eachNodeSeesTheOthersConsentChangesWithinOneSecond() {
        try (ConfigurableApplicationContext second = TestServer.start(
                clock,
                properties.database().url(),
                properties.dataDir(),
                "--steward.catalog=" + StewardTest.CATALOGS)) {
            ConsentDecisions decisionsThere = second.getBean(ConsentDecisions.class);
            SubjectId subject = identities.forAddress(Identifier.email(Canary.email("two-nodes")));
            assertThat(decisionsThere
                            .decide("lab", subject.toString(), "newsletter", null)
                            .reason())
                    .isEqualTo("no-consent");

            ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                    .withWording("Send me the monthly lab newsletter."));
            assertWithinOneSecond(() -> decisionsThere
                    .decide("lab", subject.toString(), "newsletter", null)
                    .allowed());

            second.getBean(ConsentLedger.class)
                    .record(ConsentRequest.of(
                            subject, "lab", "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.ACCOUNT_PAGE));
            assertWithinOneSecond(() -> "consent-withdrawn"
                    .equals(decisions
                            .decide("lab", subject.toString(), "newsletter", null)
                            .reason()));

            second.getBean(Vault.class).eraseSubject(subject, "erasure request");
            assertWithinOneSecond(() -> !vault.exists(subject));
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
