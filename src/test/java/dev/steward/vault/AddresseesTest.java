package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** People as mail reaches them: every subject carrying an address, a proven one first, then the newest. */
@StewardTest
class AddresseesTest {

    @Autowired
    Identities identities;

    @Autowired
    Addressees addressees;

    @Autowired
    TestClock clock;

    @Test
    void anAddressSeveralSubjectsCarryListsAProvenOneFirstThenTheNewestBesideAddressesCarriedOnce() {
        Identifier shared = Identifier.email(Canary.email(SeedForms.unique("shared")));
        Identifier alone = Identifier.email(Canary.email(SeedForms.unique("alone")));
        SubjectId oldest = identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        clock.advance(Duration.ofMinutes(1));
        SubjectId proven = identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        clock.advance(Duration.ofMinutes(1));
        SubjectId newest = identities.newSubject(List.of(ClaimedIdentifier.of(shared)));
        SubjectId single = identities.newSubject(List.of(ClaimedIdentifier.of(alone)));
        identities.prove(proven, shared, "test");

        Map<String, Addressees.Addressee> found =
                addressees.of(List.of(identities.blindIndexOf(alone), identities.blindIndexOf(shared))).stream()
                        .collect(Collectors.toMap(Addressees.Addressee::address, addressee -> addressee));

        assertThat(found).containsOnlyKeys(shared.value(), alone.value());
        assertThat(found.get(shared.value()).subjects()).containsExactly(proven, newest, oldest);
        assertThat(found.get(alone.value()).subjects()).containsExactly(single);
    }
}
