package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Purpose;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rule that answers "may I use this person's data for this purpose now?", one case at a time. */
class DecisionQuestionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final SubjectId SUBJECT = SubjectId.parse("0b3f5c1e-7a52-4d5e-9c3a-1f0e8d6b2a41");

    @Test
    void aPurposeOnConsentNeedsAConsentOnRecord() {
        ConsentDecision decision =
                asked(newsletter(false), List.of(LegalBasis.GDPR_6_1_A), null).answer();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("no-consent");
        assertThat(decision.event()).isNull();
    }

    @Test
    void aCurrentConsentAllowsAndNamesTheEventThatDecided() {
        LatestConsent given = event(ConsentAction.GIVEN, null);

        ConsentDecision decision =
                asked(newsletter(false), List.of(LegalBasis.GDPR_6_1_A), given).answer();

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.decision()).isEqualTo("allowed");
        assertThat(decision.reason()).isEqualTo("consent-given");
        assertThat(decision.event().seq()).isEqualTo(given.seq());
        assertThat(decision.event().receipt()).isEqualTo("/receipts/" + given.id());
        assertThat(decision.legalBasis()).containsExactly(new ConsentDecision.Basis("gdpr-6-1-a", "Art. 6(1)(a) GDPR"));
        assertThat(decision.subject()).isEqualTo(SUBJECT.toString());
    }

    @Test
    void eachGrantingActionGivesItsOwnReason() {
        assertThat(reasonAfter(ConsentAction.CONFIRMED)).isEqualTo("consent-confirmed");
        assertThat(reasonAfter(ConsentAction.RENEWED)).isEqualTo("consent-renewed");
    }

    @Test
    void aWithdrawnConsentDenies() {
        assertThat(reasonAfter(ConsentAction.WITHDRAWN)).isEqualTo("consent-withdrawn");
    }

    @Test
    void aLapsedConsentOrOnePastItsValidityDenies() {
        assertThat(reasonAfter(ConsentAction.LAPSED)).isEqualTo("consent-lapsed");

        LatestConsent expired = event(ConsentAction.GIVEN, NOW);
        assertThat(asked(newsletter(false), List.of(LegalBasis.GDPR_6_1_A), expired)
                        .answer()
                        .reason())
                .isEqualTo("consent-lapsed");
    }

    @Test
    void aDoubleOptInPurposeWaitsForTheConfirmation() {
        ConsentDecision given = asked(
                        newsletter(true), List.of(LegalBasis.GDPR_6_1_A), event(ConsentAction.GIVEN, null))
                .answer();
        ConsentDecision confirmed = asked(
                        newsletter(true), List.of(LegalBasis.GDPR_6_1_A), event(ConsentAction.CONFIRMED, null))
                .answer();

        assertThat(given.allowed()).isFalse();
        assertThat(given.reason()).isEqualTo("awaiting-confirmation");
        assertThat(confirmed.allowed()).isTrue();
    }

    @Test
    void anotherLegalBasisAllowsWithoutConsentButNotAfterAnObjection() {
        List<LegalBasis> interests = List.of(LegalBasis.GDPR_6_1_F);

        ConsentDecision silent = asked(newsletter(false), interests, null).answer();
        ConsentDecision objected = asked(newsletter(false), interests, event(ConsentAction.OBJECTED, null))
                .answer();

        assertThat(silent.allowed()).isTrue();
        assertThat(silent.reason()).isEqualTo("legal-basis");
        assertThat(silent.explanation()).contains("Art. 6(1)(f) GDPR");
        assertThat(objected.allowed()).isFalse();
        assertThat(objected.reason()).isEqualTo("objected");
    }

    @Test
    void aPurposeWithNoBasisInTheJurisdictionIsNotHeldToConsent() {
        ConsentDecision decision = asked(newsletter(false), List.of(), null).answer();

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.explanation()).contains("no declared basis");
        assertThat(decision.legalBasis()).isEmpty();
    }

    @Test
    void theSubjectTextAsAskedIsKeptAndAnUnknownSubjectHasNone() {
        DecisionQuestion asText = new DecisionQuestion(
                "shop", SUBJECT, "as-asked", newsletter(false), "eu", List.of(LegalBasis.GDPR_6_1_A), null, NOW);
        DecisionQuestion nobody =
                new DecisionQuestion("shop", null, null, newsletter(false), null, List.of(), null, NOW);

        assertThat(asText.answer().subject()).isEqualTo("as-asked");
        assertThat(nobody.deny("unknown-subject", "none").subject()).isNull();
    }

    private static String reasonAfter(ConsentAction action) {
        return asked(newsletter(false), List.of(LegalBasis.GDPR_6_1_A), event(action, null))
                .answer()
                .reason();
    }

    private static DecisionQuestion asked(Purpose purpose, List<LegalBasis> bases, @Nullable LatestConsent event) {
        return new DecisionQuestion("shop", SUBJECT, null, purpose, "eu", bases, event, NOW);
    }

    private static Purpose newsletter(boolean doubleOptIn) {
        return new Purpose("newsletter", LocalizedText.of("Newsletter"), null, Map.of(), true, null, doubleOptIn);
    }

    private static LatestConsent event(ConsentAction action, @Nullable Instant expiresAt) {
        return LatestConsent.of(
                7,
                UUID.fromString("5d0c4a8e-2f1b-4c7d-8e9a-3b6f1d2c4e5a"),
                action,
                NOW.minusSeconds(60),
                "v3",
                "eu",
                expiresAt);
    }
}
