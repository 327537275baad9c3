package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox keeps that a notice change's mail was lost, its id and when only, where the mail had not left when its
 * subject's erasure deleted it (it was to tell the address's other subjects too), and nothing of any other message.
 */
@StewardTest
class LostMailTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identities identities;

    @Autowired
    Vault vault;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    Mailer mailer;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transaction;

    // each test runs in one transaction, so that the notice-change mailing's look on this shared context cannot take
    // the lost mails away before the test has seen them

    @Test
    void anErasureKeepsTheWaitingNoticeChangeMailsAsLostAndNothingElse() {
        transaction.executeWithoutResult(status -> erasureKeepsTheWaitingNoticeChangeMails());
    }

    private void erasureKeepsTheWaitingNoticeChangeMails() {
        SubjectId subject = identities.newSubject(List.of());
        Map<String, UUID> mails = Map.of(
                "waiting", message(subject, OutgoingMail.NOTICE_CHANGE, "queued"),
                "held", message(subject, OutgoingMail.NOTICE_CHANGE, "held"),
                "sent", message(subject, OutgoingMail.NOTICE_CHANGE, "sent"),
                "failed", message(subject, OutgoingMail.NOTICE_CHANGE, "failed"),
                "other", message(subject, null, "queued"));

        vault.eraseSubject(subject, "test: lost mail");

        assertThat(lost(mails.values())).containsExactlyInAnyOrder(mails.get("waiting"), mails.get("held"));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_message WHERE subject_id = :subject")
                        .param("subject", subject.value())
                        .query(Long.class)
                        .single())
                .isZero();
        mailer.forgetLost(List.of(mails.get("waiting"), mails.get("held")));
        assertThat(lost(mails.values())).isEmpty();
    }

    @Test
    void aWaitingNoticeChangeMailWhoseKeyIsGoneIsKeptAsLostWhenDeleted() {
        transaction.executeWithoutResult(status -> deletingKeepsTheWaitingNoticeChangeMail());
    }

    private void deletingKeepsTheWaitingNoticeChangeMail() {
        SubjectId subject = identities.newSubject(List.of());
        UUID waiting = message(subject, OutgoingMail.NOTICE_CHANGE, "queued");
        UUID sent = message(subject, OutgoingMail.NOTICE_CHANGE, "sent");

        outbox.delete(waiting, clock.instant());
        outbox.delete(sent, clock.instant());

        assertThat(lost(List.of(waiting, sent))).containsExactly(waiting);
        assertThat(outbox.find(waiting)).isEmpty();
        mailer.forgetLost(List.of(waiting));
    }

    private List<UUID> lost(java.util.Collection<UUID> ids) {
        return mailer.lost(OutgoingMail.NOTICE_CHANGE, 10_000).stream()
                .map(LostMail::message)
                .filter(ids::contains)
                .toList();
    }

    private UUID message(SubjectId subject, String category, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO mail_message (id, message_id, site, subject_id, kind, category, status, attempts,
                                                  created_at, envelope_enc)
                        VALUES (:id, :messageId, 'lab', :subject, 'operational', :category, :status, 0, :at, :sealed)
                        """)
                .param("id", id)
                .param("messageId", "<" + id + "@lab.example>")
                .param("subject", subject.value())
                .param("category", category)
                .param("status", status)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                // never opened here: the test only asks what the outbox keeps
                .param("sealed", id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
        return id;
    }
}
