package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Notifications;
import dev.steward.test.StewardTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
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

    private final Queue<String> heard = new ConcurrentLinkedQueue<>();

    /** A lost connection is told with no payload (catch up from the database): nothing to hear then. */
    private void hear(@Nullable String payload) {
        if (payload != null) {
            heard.add(payload);
        }
    }

    @Test
    void aCommittedErasureOfHundredsOfPeopleNamesEachOfThemOnceInPayloadsAnotherNodeCanReceive() {
        notifications.subscribe(Vault.NOTIFY_CHANNEL, this::hear);
        List<SubjectId> erased = people();

        new TransactionTemplate(transactions).executeWithoutResult(status -> eraser.forget(erased));

        List<String> payloads = awaitPayloadsNaming(erased);
        assertThat(payloads)
                .hasSize(3)
                .allSatisfy(payload -> assertThat(payload.length()).isLessThan(8000));
        List<String> named = payloads.stream()
                .flatMap(payload -> Arrays.stream(payload.split(",")))
                .toList();
        assertThat(named)
                .containsExactlyElementsOf(
                        erased.stream().map(SubjectId::toString).toList());
    }

    @Test
    void anErasureRolledBackTellsNobody() {
        notifications.subscribe(Vault.NOTIFY_CHANNEL, this::hear);
        List<SubjectId> rolledBack = people();
        List<SubjectId> committed = people().subList(0, 1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            eraser.forget(rolledBack);
            status.setRollbackOnly();
        });
        // a later erasure's notification marks the moment by which the first one's would have arrived
        new TransactionTemplate(transactions).executeWithoutResult(status -> eraser.forget(committed));

        awaitPayloadsNaming(committed);
        Set<String> ids =
                new HashSet<>(rolledBack.stream().map(SubjectId::toString).toList());
        assertThat(heard).noneMatch(payload -> Arrays.stream(payload.split(",")).anyMatch(ids::contains));
    }

    private static List<SubjectId> people() {
        return IntStream.range(0, PEOPLE)
                .mapToObj(i -> new SubjectId(UUID.randomUUID()))
                .toList();
    }

    private List<String> awaitPayloadsNaming(List<SubjectId> people) {
        Set<String> wanted =
                new HashSet<>(people.stream().map(SubjectId::toString).toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> ours = new ArrayList<>(heard.stream()
                    .filter(payload -> Arrays.stream(payload.split(",")).anyMatch(wanted::contains))
                    .toList());
            long named = ours.stream()
                    .flatMap(payload -> Arrays.stream(payload.split(",")))
                    .filter(wanted::contains)
                    .count();
            if (named >= wanted.size()) {
                return ours;
            }
            assertThat(System.nanoTime())
                    .as("every erased subject heard within 5 s")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
