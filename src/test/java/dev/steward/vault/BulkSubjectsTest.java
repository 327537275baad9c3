package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.StewardTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subjects created by the thousand keep their keys out of the cache: held while their transaction runs, read back
 * from the database after it commits, and forgotten when it rolls back.
 */
@StewardTest
class BulkSubjectsTest {

    @Autowired
    BulkSubjects subjects;

    @Autowired
    Vault vault;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void subjectsCreatedInBulkOpenInTheirTransactionAndAfterItsCommit() {
        List<BulkSubjects.Created> created = transaction.execute(status -> {
            List<BulkSubjects.Created> made = subjects.create(List.of(subscriber("bulk-ada"), subscriber("bulk-bo")));
            assertThat(vault.exists(made.get(1).subject()))
                    .as("the key is held for its transaction")
                    .isTrue();
            return made;
        });

        for (int i = 0; i < 2; i++) {
            String who = List.of("bulk-ada", "bulk-bo").get(i);
            BulkSubjects.Created subject = created.get(i);
            assertThat(vault.identifiers(subject.subject(), Access.system("test")))
                    .containsExactly(Identifier.email(Canary.email(who)));
            assertThat(vault.fields(subject.records().get(0), Access.system("test")))
                    .containsEntry("email", Canary.email(who))
                    .containsEntry("name", Canary.name(who));
        }
    }

    @Test
    void aBulkCreationRolledBackLeavesNoKeyHeld() {
        SubjectId subject = transaction.execute(status -> {
            SubjectId made =
                    subjects.create(List.of(subscriber("bulk-gone"))).get(0).subject();
            status.setRollbackOnly();
            return made;
        });

        assertThat(vault.exists(subject)).isFalse();
    }

    private static BulkSubjects.NewSubject subscriber(String who) {
        return new BulkSubjects.NewSubject(
                List.of(Identifier.email(Canary.email(who))),
                List.of(new NewRecord(
                        "lab",
                        "newsletter",
                        "1",
                        "gdpr-6-1-a",
                        "EU",
                        "subscription",
                        null,
                        RecordState.ACTIVE,
                        Map.of("email", Canary.email(who), "name", Canary.name(who)))),
                Instant.now());
    }
}
