package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Notifications;
import dev.steward.test.HeardNotifications;
import dev.steward.test.StewardTest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The other nodes learn of every subject an erasure took, however many a sweep's batch erases: the ids go out many to a
 * notification, all of them in one statement, and only when the erasure commits.
 */
@StewardTest
class ErasedKeysNotificationTest {

    private static final int PEOPLE = 450;

    @Autowired
    Eraser eraser;

    @Autowired
    Notifications notifications;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCommittedErasureOfHundredsOfPeopleNamesEachOfThemOnceInPayloadsAnotherNodeCanReceive() {
        HeardNotifications heard = HeardNotifications.on(notifications, Vault.NOTIFY_CHANNEL);
        List<SubjectId> erased = people();

        new TransactionTemplate(transactions).executeWithoutResult(status -> eraser.forget(erased));

        List<String> payloads = naming(
                erased,
                heard.awaitUntil("every erased subject heard", all -> names(all).containsAll(ids(erased))));
        assertThat(payloads)
                .hasSize(3)
                .allSatisfy(payload -> assertThat(payload.length()).isLessThan(8000));
        assertThat(payloads.stream()
                        .flatMap(payload -> Arrays.stream(payload.split(",")))
                        .toList())
                .containsExactlyElementsOf(
                        erased.stream().map(SubjectId::toString).toList());
    }

    @Test
    void anErasureRolledBackTellsNobody() {
        HeardNotifications heard = HeardNotifications.on(notifications, Vault.NOTIFY_CHANNEL);
        List<SubjectId> rolledBack = people();
        List<SubjectId> committed = people().subList(0, 1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            eraser.forget(rolledBack);
            status.setRollbackOnly();
        });
        // a later erasure's notification marks the moment by which the first one's would have arrived
        new TransactionTemplate(transactions).executeWithoutResult(status -> eraser.forget(committed));

        List<String> all = heard.awaitUntil(
                "the committed erasure heard", payloads -> names(payloads).containsAll(ids(committed)));
        assertThat(naming(rolledBack, all)).isEmpty();
    }

    private static List<SubjectId> people() {
        return IntStream.range(0, PEOPLE)
                .mapToObj(i -> new SubjectId(UUID.randomUUID()))
                .toList();
    }

    private static Set<String> ids(List<SubjectId> people) {
        return new HashSet<>(people.stream().map(SubjectId::toString).toList());
    }

    private static Set<String> names(List<String> payloads) {
        return new HashSet<>(payloads.stream()
                .flatMap(payload -> Arrays.stream(payload.split(",")))
                .toList());
    }

    /** The payloads that name any of the people: other tests' erasures are heard too. */
    private static List<String> naming(List<SubjectId> people, List<String> payloads) {
        Set<String> wanted = ids(people);
        return payloads.stream()
                .filter(payload -> Arrays.stream(payload.split(",")).anyMatch(wanted::contains))
                .toList();
    }
}
