package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.InvalidInputException;
import dev.steward.test.Canary;
import dev.steward.test.LabCustomers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StewardTest
class ConsentLedgerTest {

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWithdrawalDoesNotChangeTheAnswerForInstantsBeforeIt() {
        SubjectId subject = subject("withdrawer");
        ConsentEvent given = ledger.record(
                newsletter(subject, ConsentAction.GIVEN).withWording("Send me the monthly lab newsletter."));
        clock.advance(Duration.ofHours(2));
        ConsentEvent withdrawn = ledger.record(newsletter(subject, ConsentAction.WITHDRAWN));
        clock.advance(Duration.ofMinutes(1));

        Instant justBefore = withdrawn.occurredAt().minusMillis(1);
        assertThat(decisions.decide("lab", subject.toString(), "newsletter", justBefore))
                .satisfies(decision -> {
                    assertThat(decision.allowed()).isTrue();
                    assertThat(decision.reason()).isEqualTo("consent-given");
                    assertThat(decision.event().id()).isEqualTo(given.id());
                });
        assertThat(decisions.decide("lab", subject.toString(), "newsletter", withdrawn.occurredAt()))
                .satisfies(decision -> {
                    assertThat(decision.allowed()).isFalse();
                    assertThat(decision.reason()).isEqualTo("consent-withdrawn");
                });
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-withdrawn");
        assertThat(decisions
                        .decide(
                                "lab",
                                subject.toString(),
                                "newsletter",
                                given.occurredAt().minusSeconds(1))
                        .reason())
                .isEqualTo("no-consent");
        assertThat(ledger.history(subject))
                .extracting(ConsentEvent::action)
                .containsExactly(ConsentAction.GIVEN, ConsentAction.WITHDRAWN);
    }

    @Test
    void aConsentWithAValidityPeriodLapsesByItselfAndPutsTheSubjectOnTheRepermissionList() {
        SubjectId subject = subject("lapser");
        ConsentEvent given = ledger.record(
                newsletter(subject, ConsentAction.GIVEN).withWording("Send me the monthly lab newsletter."));
        assertThat(given.expiresAt()).isEqualTo(given.occurredAt().plus(Duration.ofDays(365)));

        clock.advance(Duration.ofDays(366));
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-lapsed");
        while (ledger.lapseExpired(100) > 0) {
            // lapse every expired consent of the shared test database
        }

        assertThat(ledger.history(subject)).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo(ConsentAction.LAPSED);
            assertThat(event.method()).isEqualTo("system");
            assertThat(event.occurredAt()).isEqualTo(given.expiresAt());
        });
        assertThat(ledger.repermissionList("lab", "newsletter"))
                .extracting(ConsentEvent::subject)
                .contains(subject);
        ledger.record(newsletter(subject, ConsentAction.RENEWED).withWording("Send me the monthly lab newsletter."));
        assertThat(ledger.repermissionList("lab", "newsletter"))
                .extracting(ConsentEvent::subject)
                .doesNotContain(subject);
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-renewed");
    }

    @Test
    void aDoubleOptInPurposeIsAllowedOnlyOnceConfirmed() {
        SubjectId subject = subject("optin");
        ledger.record(
                ConsentRequest.of(subject, "olympus-ims", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                        .withWording("Yes, subscribe me")
                        .withJurisdiction("EU"));
        assertThat(decisions
                        .decide("olympus-ims", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("awaiting-confirmation");

        ledger.record(ConsentRequest.of(
                        subject, "olympus-ims", "newsletter", ConsentAction.CONFIRMED, CollectionMethod.EMAIL_LINK)
                .withJurisdiction("EU")
                .withEvidence("sha256:token", false));

        ConsentDecision decision = decisions.decide("olympus-ims", Canary.email("optin"), "newsletter", null);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.legalBasis())
                .extracting(ConsentDecision.Basis::key)
                .containsExactly("gdpr-6-1-a", "gdpr-6-1-b", "gdpr-6-1-f");
    }

    @Test
    void aPurposeOnAnotherLegalBasisIsAllowedUntilTheSubjectObjects() {
        SubjectId subject = labCustomer("objector");
        assertThat(decisions
                        .decide("lab", subject.toString(), "invoicing", null)
                        .reason())
                .isEqualTo("legal-basis");

        ledger.record(ConsentRequest.of(
                subject, "lab", "invoicing", ConsentAction.OBJECTED, CollectionMethod.PRIVACY_CENTER));

        assertThat(decisions.decide("lab", subject.toString(), "invoicing", null))
                .extracting(ConsentDecision::allowed, ConsentDecision::reason)
                .containsExactly(false, "objected");
    }

    @Test
    void connectionEvidenceIsKeptOnlyAsFarAsTheCatalogAllowsAndOnlyEncrypted() {
        SubjectId subject = subject("evidence");
        ConsentEvent truncated = ledger.record(newsletter(subject, ConsentAction.GIVEN)
                .withWording("Send me the monthly lab newsletter.")
                .withConnection("203.0.113.77", "Canarytoken-Browser/1.0"));
        ConsentEvent full = ledger.record(
                ConsentRequest.of(subject, "olympus-ims", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                        .withWording("Yes, subscribe me")
                        .withConnection("203.0.113.77", "Canarytoken-Browser/1.0"));

        assertThat(ledger.evidence(truncated))
                .contains(new ConsentLedger.Evidence("203.0.113.0", "Canarytoken-Browser/1.0"));
        assertThat(ledger.evidence(full))
                .contains(new ConsentLedger.Evidence("203.0.113.77", "Canarytoken-Browser/1.0"));
        assertThat(jdbc.sql("SELECT evidence_enc FROM consent_event WHERE evidence_enc IS NOT NULL")
                        .query(byte[].class)
                        .list())
                .allSatisfy(
                        ciphertext -> assertThat(new String(ciphertext, java.nio.charset.StandardCharsets.ISO_8859_1))
                                .doesNotContain("203.0.113")
                                .doesNotContainIgnoringCase(Canary.MARKER));
        vault.eraseSubject(subject, "test");
        assertThat(ledger.evidence(full)).isEmpty();
        assertThat(ledger.event(full.id())).isPresent();
    }

    @Test
    void refusesWhatTheCatalogDoesNotDeclareAndRecordsNothing() {
        SubjectId subject = subject("refused");
        long before = events();

        assertThatThrownBy(() -> ledger.record(
                        ConsentRequest.of(subject, "lab", "profiling", ConsentAction.GIVEN, CollectionMethod.API)
                                .withWording("x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("purpose: undeclared-purpose");
        assertThatThrownBy(() -> ledger.record(newsletter(subject, ConsentAction.GIVEN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("wording: required");
        assertThatThrownBy(() -> ledger.record(newsletter(subject, ConsentAction.GIVEN)
                        .withWording("x")
                        .withJurisdiction("JP")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("jurisdiction: unknown-jurisdiction");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anErasedSubjectIsUnknownToDecisionsThoughTheLedgerKeepsItsPseudonymousEvents() {
        SubjectId subject = subject("forgotten");
        ledger.record(newsletter(subject, ConsentAction.GIVEN).withWording("Send me the monthly lab newsletter."));

        vault.eraseSubject(subject, "erasure request");

        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("unknown-subject");
        assertThat(decisions
                        .decide("lab", Canary.email("forgotten"), "newsletter", null)
                        .reason())
                .isEqualTo("unknown-subject");
        assertThat(ledger.history(subject)).hasSize(1);
    }

    @Test
    void askingForABatchAnswersWhatAskingForEachAnswers() {
        SubjectId consenting = subject("batch-consenting");
        SubjectId withdrawn = subject("batch-withdrawn");
        SubjectId silent = labCustomer("batch-silent");
        ledger.record(newsletter(consenting, ConsentAction.GIVEN).withWording("Send me the newsletter."));
        ledger.record(newsletter(withdrawn, ConsentAction.GIVEN).withWording("Send me the newsletter."));
        ledger.record(newsletter(withdrawn, ConsentAction.WITHDRAWN));
        clock.advance(Duration.ofSeconds(1));
        List<SubjectId> people = List.of(consenting, withdrawn, silent);

        // both purposes in one read; asked about a purpose they said nothing on, each is judged under their latest
        // word on the site
        List<String> purposes = List.of("newsletter", "invoicing");
        Map<String, List<ConsentDecision>> batch = decisions.decideEach(
                "lab", purposes, people.stream().map(List::of).toList(), clock.instant());
        assertThat(batch.keySet()).containsExactlyElementsOf(purposes);
        for (String purpose : purposes) {
            for (int i = 0; i < people.size(); i++) {
                ConsentDecision alone = decisions.decide("lab", people.get(i).toString(), purpose, clock.instant());
                assertThat(batch.get(purpose).get(i))
                        .as(purpose + " for person " + i)
                        .extracting(ConsentDecision::allowed, ConsentDecision::reason, ConsentDecision::jurisdiction)
                        .containsExactly(alone.allowed(), alone.reason(), alone.jurisdiction());
            }
        }
    }

    private SubjectId subject(String who) {
        return identities.forAddress(Identifier.email(Canary.email(who)));
    }

    /**
     * A person with data on the lab's site but no word in the ledger: a decision about someone with nothing on the site
     * answers unknown-subject (attack13 M1).
     */
    private SubjectId labCustomer(String who) {
        SubjectId subject = subject(who);
        vault.store(subject, LabCustomers.trial(Map.of("email", Canary.email(who))));
        return subject;
    }

    private static ConsentRequest newsletter(SubjectId subject, ConsentAction action) {
        return ConsentRequest.of(subject, "lab", "newsletter", action, CollectionMethod.FORM)
                .withActivity("newsletter");
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM consent_event").query(Long.class).single();
    }
}
