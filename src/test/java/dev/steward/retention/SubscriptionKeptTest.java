package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.test.Canary;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 001 §3.4: the newsletter's data "is stored as long as you stay subscribed". Olympus's newsletter form signs
 * people up to two lists under one activity (the newsletter and the group's promotions), and the unsubscribe page
 * lets them leave one and keep the other. Leaving one must not erase the data the other still needs; leaving the last
 * one (or the transfer the hosting rests on) ends the subscription as before.
 */
@StewardTest
class SubscriptionKeptTest {

    private static final String SITE = "olympus-ims";

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    DueTimes dueTimes;

    @Autowired
    Sweeper sweeper;

    @Autowired
    TestClock clock;

    @Test
    void leavingTheNewsletterKeepsTheDataWhileTheGroupPromotionsStay() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("two-lists")));
        RecordId subscription = subscription(subject, "two-lists");
        RecordId proof = proof(subject);
        confirm(subject, "newsletter");
        confirm(subject, "group-promotions");

        withdraw(subject, "newsletter");
        sweep();

        assertThat(vault.record(subscription))
                .as("still subscribed to the group's promotions, so the subscription's data stays")
                .hasValueSatisfying(record -> {
                    assertThat(record.dueAt()).isNull();
                    assertThat(record.state()).isEqualTo(RecordState.ACTIVE);
                });
        assertThat(vault.record(proof))
                .as("and so does the proof of the registration")
                .isPresent();

        Instant leftAll = withdraw(subject, "group-promotions");

        assertThat(vault.record(subscription).orElseThrow().dueAt())
                .as("leaving the last list ends the subscription")
                .isEqualTo(leftAll);
        assertThat(vault.record(proof).orElseThrow().dueAt()).isEqualTo(leftAll);
        sweep();
        assertThat(vault.record(subscription)).isEmpty();
        assertThat(vault.record(proof)).isEmpty();
    }

    @Test
    void aListNeverConfirmedDoesNotKeepTheData() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("unconfirmed-list")));
        RecordId subscription = subscription(subject, "unconfirmed-list");
        confirm(subject, "newsletter");
        give(subject, "group-promotions");

        Instant left = withdraw(subject, "newsletter");

        assertThat(vault.record(subscription).orElseThrow().dueAt())
                .as("the promotions await a confirmation that never came: nobody is subscribed to them")
                .isEqualTo(left);
    }

    @Test
    void withdrawingTheTransferEndsTheSubscriptionWhateverListsStay() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("no-transfer")));
        RecordId subscription = subscription(subject, "no-transfer");
        confirm(subject, "newsletter");
        confirm(subject, "group-promotions");
        give(subject, "hosting-transfer");

        Instant withdrawn = withdraw(subject, "hosting-transfer");

        assertThat(vault.record(subscription).orElseThrow().dueAt()).isEqualTo(withdrawn);
    }

    private RecordId subscription(SubjectId subject, String who) {
        return store(
                subject, "newsletter", "gdpr-6-1-a", Map.of("email", Canary.email(who), "firstName", Canary.name(who)));
    }

    private RecordId proof(SubjectId subject) {
        return store(
                subject,
                "newsletter-registration-evidence",
                "gdpr-6-1-f",
                Map.of("registrationTime", "2026-03-02T09:00:00Z"));
    }

    private RecordId store(SubjectId subject, String activity, String legalBasis, Map<String, String> fields) {
        return vault.store(
                subject,
                new NewRecord(
                        SITE,
                        activity,
                        "2018-04-03",
                        legalBasis,
                        "EU",
                        "while-subscribed",
                        null,
                        RecordState.ACTIVE,
                        fields));
    }

    private void give(SubjectId subject, String purpose) {
        record(subject, purpose, ConsentAction.GIVEN);
    }

    private void confirm(SubjectId subject, String purpose) {
        give(subject, purpose);
        record(subject, purpose, ConsentAction.CONFIRMED);
    }

    /** Withdraws as the unsubscribe page does, and lets the retention clock hear of it at once. */
    private Instant withdraw(SubjectId subject, String purpose) {
        Instant at = record(subject, purpose, ConsentAction.WITHDRAWN);
        dueTimes.subscriptionEnded(subject, SITE, purpose, at);
        return at;
    }

    private Instant record(SubjectId subject, String purpose, ConsentAction action) {
        clock.advance(Duration.ofSeconds(1));
        return ledger.record(ConsentRequest.of(subject, SITE, purpose, action, CollectionMethod.EMAIL_LINK)
                        .withWording("The newsletter form's words for " + purpose))
                .occurredAt();
    }

    private void sweep() {
        sweeper.sweep("test", progress -> {});
    }
}
