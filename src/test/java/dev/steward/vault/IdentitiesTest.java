package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing joins two submissions by a value nobody proved; a proof of an e-mail address reaches what was submitted
 * under it, never through a phone number and never a subject that waits for staff review.
 */
@StewardTest
class IdentitiesTest {

    @Autowired
    Identities identities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnownSubjects known;

    @Test
    void twoSubmissionsWithTheSameAddressStayTwoSubjectsUntilSomeoneProvesIt() {
        Identifier email = Identifier.email(Canary.email(SeedForms.unique("twice")));
        SubjectId first = identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        SubjectId second = identities.newSubject(List.of(ClaimedIdentifier.of(email)));

        assertThat(first).isNotEqualTo(second);
        assertThat(identities.carrying(email)).containsExactlyInAnyOrder(first, second);
        assertThat(identities.reach(second, email))
                .as("an unproven address reaches nobody else")
                .containsExactly(second);

        identities.prove(second, email, "test");

        assertThat(identities.proven(second, email)).isTrue();
        assertThat(identities.proven(first, email)).isFalse();
        assertThat(identities.reach(second, email)).containsExactlyInAnyOrder(first, second);
        assertThat(identities.reach(first, email))
                .as("the proof is the prover's, not the other subject's")
                .containsExactly(first);
    }

    @Test
    void aSharedPhoneNumberNeverReachesAnotherPersonEvenWhenProven() {
        Identifier phone = Identifier.phone(SeedForms.phone());
        Identifier ann = Identifier.email(Canary.email(SeedForms.unique("ann")));
        Identifier ben = Identifier.email(Canary.email(SeedForms.unique("ben")));
        SubjectId annsSubject = identities.newSubject(List.of(ClaimedIdentifier.of(ann), ClaimedIdentifier.of(phone)));
        SubjectId bensSubject = identities.newSubject(List.of(ClaimedIdentifier.of(ben), ClaimedIdentifier.of(phone)));
        identities.prove(bensSubject, ben, "test");
        identities.prove(bensSubject, phone, "test");

        assertThat(identities.carrying(phone)).containsExactlyInAnyOrder(annsSubject, bensSubject);
        assertThat(identities.reach(bensSubject, ben)).containsExactly(bensSubject);
        assertThat(identities.reach(bensSubject, phone)).containsExactly(bensSubject);
    }

    @Test
    void anAddressTheCatalogSaysNeverToLinkByReachesOnlyItsOwnSubject() {
        Identifier email = Identifier.email(Canary.email(SeedForms.unique("never")));
        SubjectId unlinked = identities.newSubject(List.of(new ClaimedIdentifier(email, false)));
        SubjectId prover = identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        identities.prove(prover, email, "test");

        assertThat(identities.reach(prover, email)).containsExactly(prover).doesNotContain(unlinked);
    }

    @Test
    void aSubjectWaitingForReviewIsReachedByNoProof() {
        Identifier email = Identifier.email(Canary.email(SeedForms.unique("merged")));
        SubjectId merged = identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        jdbc.sql("UPDATE data_subject SET review = 'merged-through-unproven-identifier' WHERE id = :id")
                .param("id", merged.value())
                .update();
        SubjectId prover = identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        identities.prove(prover, email, "test");

        assertThat(identities.reach(prover, email)).containsExactly(prover);
    }

    @Test
    void aConsentByAddressIsFiledUnderASubjectCarryingItAProvenOneFirst() {
        Identifier email = Identifier.email(Canary.email(SeedForms.unique("filed")));
        SubjectId created = identities.forAddress(email);
        assertThat(identities.carrying(email)).containsExactly(created);

        SubjectId proven = identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        identities.newSubject(List.of(ClaimedIdentifier.of(email)));
        identities.prove(proven, email, "test");

        assertThat(identities.forAddress(email)).isEqualTo(proven);
    }

    @Test
    void aLookUpByTheThousandFindsEveryCarrierTheProvenOneFirstThenTheNewestAndNothingForUnknownAddresses() {
        Identifier shared = Identifier.email(Canary.email(SeedForms.unique("bulk-shared")));
        SubjectId older = identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        SubjectId proven = identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        identities.prove(proven, shared, "test");
        Identifier unproven = Identifier.email(Canary.email(SeedForms.unique("bulk-unproven")));
        identities.newSubject(List.of(ClaimedIdentifier.of(unproven)));
        SubjectId newest = identities.newSubject(List.of(ClaimedIdentifier.of(unproven)));
        // the test clock stands still: the later subject is made the newer one by hand
        jdbc.sql("UPDATE data_subject SET created_at = created_at + interval '1 hour' WHERE id = :id")
                .param("id", newest.value())
                .update();
        List<Identifier> unknown = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> Identifier.email(Canary.email(SeedForms.unique("bulk-unknown-" + i))))
                .toList();
        List<Identifier> asked = new java.util.ArrayList<>(unknown);
        asked.addAll(List.of(shared, unproven, shared));

        KnownSubjects.Known found = known.lookUp(asked);

        assertThat(found.carriers()).containsOnlyKeys(shared, unproven);
        assertThat(found.carriers().get(shared))
                .extracting(KnownSubjects.Carrier::subject)
                .hasSize(3)
                .startsWith(proven)
                .contains(older);
        assertThat(found.carriers().get(unproven))
                .extracting(KnownSubjects.Carrier::subject)
                .hasSize(2)
                .startsWith(newest);
        assertThat(found.carriers().get(unproven))
                .allMatch(carrier -> carrier.sites().isEmpty());
        assertThat(found.suppressed()).isEmpty();
    }
}
