package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.DisclosureStoppedException;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.test.Canary;
import dev.steward.test.LabCustomers;
import dev.steward.test.StewardTest;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk append of disclosures (imports, the benchmark's generator) looks up the restrictions in force once for the
 * batch, and still stops at a restricted person exactly where one disclosure at a time would.
 */
@StewardTest
class BulkDisclosureHoldTest {

    @Autowired
    Disclosures disclosures;

    @Autowired
    Restrictions restrictions;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    TransactionTemplate transaction;

    LabCustomers customers;
    final List<UUID> placed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        customers = new LabCustomers(vault, identities, ledger, disclosures);
    }

    @AfterEach
    void liftWhatWasPlaced() {
        placed.forEach(id -> transaction.executeWithoutResult(status -> restrictions.lift(id)));
        placed.clear();
    }

    @Test
    void aBatchNamingARestrictedPersonRecordsNothingAndTheSameBatchWithoutThemRecordsAll() {
        SubjectId free = customers.customer("bulk-free");
        SubjectId held = customers.customer("bulk-held");
        restrict(held);
        int before = disclosures.of(free).size();

        assertThatThrownBy(() -> recordAll(free, held)).isInstanceOf(DisclosureStoppedException.class);
        assertThat(disclosures.of(free)).as("refused whole").hasSize(before);

        recordAll(free);
        assertThat(disclosures.of(free)).hasSize(before + 1);
    }

    @Test
    void aRestrictionReachesAnotherSubjectUnderTheRestrictedAddressInABatchToo() {
        SubjectId held = customers.customer("bulk-carrier");
        restrict(held);
        SubjectId sameAddress =
                identities.newSubject(List.of(ClaimedIdentifier.of(Identifier.email(Canary.email("bulk-carrier")))));
        assertThat(restrictions.restricted(sameAddress, "lab")).isFalse();

        assertThatThrownBy(() -> recordAll(sameAddress)).isInstanceOf(DisclosureStoppedException.class);
        assertThat(disclosures.of(sameAddress)).isEmpty();
    }

    private void restrict(SubjectId subject) {
        placed.add(transaction
                .execute(status -> restrictions.place(subject, "lab", "accuracy-disputed", null))
                .id());
    }

    private void recordAll(SubjectId... subjects) {
        transaction.executeWithoutResult(status -> disclosures.recordAll(Stream.of(subjects)
                .map(subject -> NewDisclosure.of("lab", subject, "lab-printer", "invoicing", List.of("contact")))
                .toList()));
    }
}
