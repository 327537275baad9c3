package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.accounts.AccountUsed;
import dev.steward.accounts.Accounts;
import dev.steward.accounts.Registration;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.inquiries.CaseClosed;
import dev.steward.platform.EvidenceChain;
import dev.steward.test.Canary;
import dev.steward.test.Registrations;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every record goes exactly when its catalog rule says, and event-based rules start their clocks at the event. A
 * sweep that takes a person's last record takes the person too (key, identifiers, blind-index entries), unless
 * something still needs them; an account whose inactivity period ran out goes with its record.
 */
@StewardTest
class RetentionScheduleTest {

    private static final Duration ONE_MICROSECOND = Duration.ofNanos(1000);
    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    Vault vault;

    @Autowired
    RecordDueTimes recordDueTimes;

    @Autowired
    Identities identities;

    @Autowired
    Sweeper sweeper;

    @Autowired
    DueTimes dueTimes;

    @Autowired
    Retention retention;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    List<EvidenceChain> chains;

    StoredRecords records;

    @BeforeEach
    void records() {
        records = new StoredRecords(vault, identities);
    }

    @Test
    void recordsVanishExactlyWhenDueAndNotBefore() {
        SubjectId subject = records.person("exactly-due");
        RecordId record = records.trial(subject, "exactly-due");
        Instant due = records.summary(record).dueAt();
        assertThat(due).isEqualTo(records.summary(record).collectedAt().plus(Duration.ofDays(7)));

        clock.set(due.minus(ONE_MICROSECOND));
        sweep();
        assertThat(records.exists(record)).as("a microsecond before it is due").isTrue();

        clock.set(due);
        sweep();
        assertThat(records.exists(record)).as("when it is due").isFalse();
        assertThat(jdbc.sql("SELECT reason FROM erasure_log WHERE :record = ANY(record_ids)")
                        .param("record", record.value())
                        .query(String.class)
                        .single())
                .isEqualTo("retention: due");
        assertThat(vault.exists(subject))
                .as("left without any record, the person goes too")
                .isFalse();
    }

    @Test
    void aClosedCaseDisappearsThirtyDaysAfterClosing() {
        SubjectId subject = records.person("closed-case");
        RecordId record = records.olympusContactForm(subject, "closed-case");
        assertThat(records.summary(record).dueAt())
                .as("open cases have no due time")
                .isNull();
        Instant closedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);

        publish(new CaseClosed(record, subject, "olympus-ims", "contact-form", closedAt));

        Instant due = closedAt.atOffset(ZoneOffset.UTC).plusDays(30).toInstant();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> records.summary(record).state() == RecordState.CLOSED
                        && due.equals(records.summary(record).dueAt()));
        clock.set(due.minus(ONE_MICROSECOND));
        sweep();
        assertThat(records.exists(record))
                .as("29 days, 23:59:59.999999 after closing")
                .isTrue();
        clock.set(due);
        sweep();
        assertThat(records.exists(record)).as("30 days after closing").isFalse();
    }

    @Test
    void anAccountIsDueOneInactivityPeriodAfterItsLastUse() {
        SubjectId subject = records.person("account-used");
        RecordId account = records.lab(subject, "account-used", "account", "account-life", "gdpr-6-1-b");
        Instant firstUse = clock.instant();
        publish(new AccountUsed(subject, "lab", firstUse));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> firstUse.plus(Duration.ofDays(30))
                        .equals(records.summary(account).dueAt()));

        clock.advance(Duration.ofDays(20));
        Instant secondUse = clock.instant();
        publish(new AccountUsed(subject, "lab", secondUse));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> secondUse
                        .plus(Duration.ofDays(30))
                        .equals(records.summary(account).dueAt()));
        dueTimes.accountUsed(subject, "lab", firstUse);
        assertThat(records.summary(account).dueAt())
                .as("a late report of an earlier use never brings the due time back")
                .isEqualTo(secondUse.plus(Duration.ofDays(30)));

        clock.set(firstUse.plus(Duration.ofDays(30)));
        sweep();
        assertThat(records.exists(account))
                .as("thirty days after the first use only")
                .isTrue();
        clock.set(secondUse.plus(Duration.ofDays(30)));
        sweep();
        assertThat(records.exists(account)).isFalse();
    }

    @Test
    void aWithdrawnSubscriptionMakesItsRecordsDue() {
        SubjectId subject = records.person("unsubscribed");
        RecordId subscription = records.lab(subject, "unsubscribed", "newsletter", "subscription", "gdpr-6-1-a");
        RecordId proof = records.lab(subject, "unsubscribed", "newsletter-proof", "subscription", "gdpr-6-1-f");
        RecordId trial = records.trial(subject, "unsubscribed");
        ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withWording("Send me the monthly lab newsletter."));
        assertThat(records.summary(subscription).dueAt()).isNull();

        Instant withdrawn = ledger.record(ConsentRequest.of(
                        subject, "lab", "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.EMAIL_LINK))
                .occurredAt();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> withdrawn.equals(records.summary(subscription).dueAt()));
        assertThat(records.summary(subscription).state()).isEqualTo(RecordState.CLOSED);
        assertThat(records.summary(proof).dueAt())
                .as("the proof of the subscription goes with it")
                .isEqualTo(withdrawn);
        assertThat(records.summary(trial).state())
                .as("records of activities not kept while subscribed are untouched")
                .isEqualTo(RecordState.ACTIVE);
        sweep();
        assertThat(records.exists(subscription)).isFalse();
        assertThat(records.exists(proof)).isFalse();
        assertThat(records.exists(trial)).isTrue();
    }

    @Test
    void aStatutoryMinimumKeepsARecordDueEarlierAndSaysWhy() {
        SubjectId subject = records.person("invoiced");
        RecordId invoice = records.lab(subject, "invoiced", "invoicing", "books", "gdpr-6-1-c");
        Instant tenYears = records.summary(invoice)
                .collectedAt()
                .atOffset(ZoneOffset.UTC)
                .plusYears(10)
                .toInstant();
        // as if it had been given an early due time (a rule changed, an erasure scheduled by mistake)
        recordDueTimes.changeState(invoice, RecordState.CLOSED, clock.instant().minusSeconds(1));

        Sweeper.Outcome outcome = sweep();

        assertThat(records.exists(invoice)).isTrue();
        assertThat(records.summary(invoice).dueAt())
                .as("moved to the end of the minimum")
                .isEqualTo(tenYears);
        assertThat(outcome.certificate().orElseThrow().recordsKept()).isGreaterThanOrEqualTo(1);
        assertThat(retention.blockers(subject)).singleElement().satisfies(blocker -> {
            assertThat(blocker.record()).isEqualTo(invoice);
            assertThat(blocker.kind()).isEqualTo(ErasureBlocker.Kind.STATUTORY_MINIMUM);
            assertThat(blocker.reason()).isEqualTo("Commercial law keeps invoices for ten years.");
            assertThat(blocker.until()).isEqualTo(tenYears);
        });
    }

    @Test
    void anEndedPurposeMakesItsRecordsDueAtOnce() {
        SubjectId subject = records.person("campaign");
        RecordId entry = records.lab(subject, "campaign", "campaign", "campaign-end", "gdpr-6-1-f");
        assertThat(records.summary(entry).dueAt()).isNull();
        int closed = dueTimes.purposeEnded("lab", "campaign", "test");

        assertThat(closed).isGreaterThanOrEqualTo(1);

        assertThat(records.summary(entry).state()).isEqualTo(RecordState.CLOSED);
        assertThat(records.summary(entry).dueAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        sweep();
        assertThat(records.exists(entry)).isFalse();
    }

    @Test
    void aPersonWhoseLastRecordIsSweptIsErasedWithTheirIdentifiersAndKey() {
        SubjectId alone = records.person("swept-last-record");
        RecordId trial = records.trial(alone, "swept-last-record");
        SubjectId other = records.person("swept-one-of-two");
        records.trial(other, "swept-one-of-two");
        RecordId kept = records.lab(other, "swept-one-of-two", "newsletter", "subscription", "gdpr-6-1-a");

        clock.set(records.summary(trial).dueAt());
        sweep();

        assertThat(records.exists(trial)).isFalse();
        assertThat(vault.exists(alone)).isFalse();
        assertThat(identities.carrying(Identifier.email(Canary.email("swept-last-record"))).stream()
                        .findFirst())
                .as("the blind index no longer finds them")
                .isEmpty();
        assertThat(count("SELECT count(*) FROM subject_identifier WHERE subject_id = :subject", alone))
                .isZero();
        assertThat(count("SELECT count(*) FROM data_subject WHERE id = :subject", alone))
                .as("the wrapped key is gone")
                .isZero();
        assertThat(jdbc.sql("""
                                SELECT reason FROM erasure_log
                                 WHERE :subject = ANY(subject_ids) AND subject_id IS NULL AND record_ids IS NULL
                                """)
                        .param("subject", alone.value())
                        .query(String.class)
                        .single())
                .isEqualTo(Sweeper.LEFT_WITHOUT_RECORDS);
        assertThat(vault.exists(other)).as("a person with a record left stays").isTrue();
        assertThat(records.exists(kept)).isTrue();
        assertThat(chains)
                .filteredOn(chain -> chain.name().equals("erasure"))
                .singleElement()
                .satisfies(
                        chain -> assertThat(chain.verify(rows -> {}).intact()).isTrue());
    }

    @Test
    void aPersonSomethingElseStillNeedsStaysWithoutRecords() {
        SubjectId requester = records.person("swept-requester");
        RecordId requesterTrial = records.trial(requester, "swept-requester");
        openRequest(requester);
        SubjectId holder = records.person("swept-account-holder");
        RecordId holderTrial = records.trial(holder, "swept-account-holder");
        register(holder, "swept-account-holder");

        clock.set(records.summary(requesterTrial).dueAt().plusSeconds(1));
        sweep();

        assertThat(records.exists(requesterTrial)).isFalse();
        assertThat(records.exists(holderTrial)).isFalse();
        assertThat(vault.exists(requester))
                .as("an open rights request is answered to the requester's identifiers")
                .isTrue();
        assertThat(vault.exists(holder))
                .as("an account whose period has not run out signs in with the holder's identifiers")
                .isTrue();
        assertThat(accounts.exists("lab", holder)).isTrue();
    }

    @Test
    void anAccountUnusedForItsWholePeriodGoesWithItsRecordAndThenThePerson() {
        SubjectId subject = records.person("swept-inactive-account");
        RecordId account = records.lab(subject, "swept-inactive-account", "account", "account-life", "gdpr-6-1-b");
        Instant registered = clock.instant();
        register(subject, "swept-inactive-account");
        Instant due = registered.plus(Duration.ofDays(30));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> due.equals(records.summary(account).dueAt()));

        clock.set(due.minusSeconds(1));
        sweep();
        assertThat(accounts.exists("lab", subject))
                .as("a second before the period ends")
                .isTrue();

        clock.set(due);
        sweep();

        assertThat(records.exists(account)).isFalse();
        assertThat(accounts.exists("lab", subject))
                .as("nobody signs in to an account the notice says is deleted")
                .isFalse();
        assertThat(vault.exists(subject))
                .as("and nothing is left to keep the person")
                .isFalse();
    }

    private void register(SubjectId subject, String who) {
        accounts.register(
                new Registration(
                        "lab",
                        "account",
                        subject,
                        List.of(new Registration.Login("fields.email", Identifier.email(Canary.email(who)))),
                        "fields.password",
                        false),
                PASSWORD);
        Registrations.verify(port, "lab", Canary.email(who), PASSWORD);
    }

    private void openRequest(SubjectId subject) {
        jdbc.sql("""
                        INSERT INTO rights_request (id, site, jurisdiction, type, status, subject_id, details_enc,
                            status_token_hash, created_at)
                        VALUES (:id, 'lab', 'EU', 'access', 'awaiting-verification', :subject, '\\x00'::bytea,
                            :token, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("subject", subject.value())
                .param("token", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private long count(String sql, SubjectId subject) {
        return jdbc.sql(sql).param("subject", subject.value()).query(Long.class).single();
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private Sweeper.Outcome sweep() {
        return sweeper.sweep("test", progress -> {});
    }
}
