package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Notifications;
import dev.steward.test.HeardNotifications;
import dev.steward.test.StewardTest;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectsErased;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People erased together take their restrictions with them, and only then are the nodes told to reload theirs: a
 * sweep's batch of people without any restriction changes nothing the nodes hold.
 */
@StewardTest
class RestrictionErasureTest {

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void erasingPeopleWithoutRestrictionsTellsNoNodeAndErasingARestrictedOneTellsThemOnce() {
        HeardNotifications heard = HeardNotifications.on(notifications, RestrictedSubjects.CHANNEL);
        SubjectId restricted = new SubjectId(UUID.randomUUID());
        restrict(restricted);

        erase(IntStream.range(0, 3)
                .mapToObj(i -> new SubjectId(UUID.randomUUID()))
                .toList());
        erase(List.of(restricted));
        // notifications arrive in commit order: once this one is heard, the erasures' would have been
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> notifications.send(RestrictedSubjects.CHANNEL, "marker"));

        List<String> payloads = heard.awaitUntil("the marker heard", all -> all.contains("marker"));
        assertThat(payloads.stream().filter("changed"::equals)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM restriction WHERE subject_id = :subject")
                        .param("subject", restricted.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void erase(List<SubjectId> subjects) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        status -> events.publishEvent(new SubjectsErased(subjects, clock.instant(), "test: erased")));
    }

    private void restrict(SubjectId subject) {
        jdbc.sql("""
                        INSERT INTO restriction (id, subject_id, site, ground, since)
                        VALUES (:id, :subject, 'lab', 'accuracy', :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("subject", subject.value())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }
}
