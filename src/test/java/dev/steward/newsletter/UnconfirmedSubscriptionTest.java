package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.consent.ConsentLedger;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anyone can type an address into the newsletter form. What they start there waits for the mailbox's confirmation, and
 * until it comes it must not set aside the subscription the address's owner confirmed (attack17: on main the
 * stranger's unconfirmed consent, being the newest word, stopped the owner's newsletter).
 */
@StewardTest
class UnconfirmedSubscriptionTest {

    private static final String OLYMPUS = CampaignMailTest.OLYMPUS;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    TestClock clock;

    @Test
    void aSubscriptionTypedAgainAndNotConfirmedLeavesTheConfirmedOneStanding() {
        Subscribers subscribers = new Subscribers(identities, ledger);
        String address = CampaignMailTest.address("typed-again");
        subscribers.confirmed(OLYMPUS, address, "newsletter");
        clock.advance(Duration.ofSeconds(1));
        SubjectId stranger = subscribers.given(OLYMPUS, address, "newsletter");

        assertThat(decided(address))
                .as("by address, and as a campaign decides its recipients")
                .containsExactly("consent-confirmed", "consent-confirmed");

        clock.advance(Duration.ofSeconds(1));
        subscribers.record(stranger, OLYMPUS, "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.FORM);
        assertThat(decided(address))
                .as("a withdrawal through any submission of the address still ends it")
                .containsExactly("consent-withdrawn", "consent-withdrawn");
    }

    @Test
    void aSubscriptionNobodyConfirmedStillAwaitsItsConfirmation() {
        Subscribers subscribers = new Subscribers(identities, ledger);
        String address = CampaignMailTest.address("never-confirmed");
        subscribers.given(OLYMPUS, address, "newsletter");
        clock.advance(Duration.ofSeconds(1));
        subscribers.given(OLYMPUS, address, "newsletter");

        assertThat(decided(address)).containsExactly("awaiting-confirmation", "awaiting-confirmation");
    }

    /** The decision asked by address, then the one a campaign makes for the address's subjects. */
    private List<String> decided(String address) {
        List<SubjectId> subjects = identities.carrying(Identifier.email(address));
        ConsentDecision asked = decisions.decide(OLYMPUS, address, "newsletter", null);
        ConsentDecision forCampaign = decisions
                .decideEach(OLYMPUS, List.of("newsletter"), List.of(subjects), clock.instant())
                .get("newsletter")
                .get(0);
        return List.of(asked.reason(), forCampaign.reason());
    }
}
