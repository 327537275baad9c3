package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Delivery through a real SMTP server (GreenMail): retries, marketing consent, holds, erasure, sealed storage. */
@StewardTest
@TestPropertySource(properties = {"steward.outbound.max-attempts=3", "steward.mail.smtp.from=privacy@steward.test"})
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    private static final int SMTP_PORT = freePort();
    private static final String OMRON = "omron-healthcare";
    private static final String OFFERS = "special-offers";

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        Smtp.sendTo(properties, SMTP_PORT);
    }

    /**
     * A hold as a module places one through the SPI, here shaped like a restriction of processing: it keeps back all
     * but the notice of its lifting. The rights module's own restriction is tested there.
     */
    static class HeldSubjects implements MailHold {

        final Set<SubjectId> restricted = ConcurrentHashMap.newKeySet();

        @Override
        public boolean holds(SubjectId subject, String site, MailKind kind, @Nullable String category) {
            return restricted.contains(subject) && !OutgoingMail.RESTRICTION_LIFTING.equals(category);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Holds {
        @Bean
        HeldSubjects heldSubjects() {
            return new HeldSubjects();
        }
    }

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    HeldSubjects held;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aServiceMailArrivesWithItsSubjectLineAndBodies() throws Exception {
        String address = unique("ada") + "@example.com";
        UUID id = mailer.queue(OutgoingMail.service(
                        OMRON,
                        subject(address),
                        address,
                        "Your question about the monitor",
                        "Dear Ada,\nhere is the answer.")
                .withHtml("<p>Dear Ada,</p><p>here is the answer.</p>"));

        deliver();

        assertThat(mailer.status(id)).contains(MailStatus.SENT);
        MimeMessage received = receivedBy(address).get(0);
        assertThat(received.getSubject()).isEqualTo("Your question about the monitor");
        assertThat(received.getFrom()[0].toString()).isEqualTo("privacy@steward.test");
        assertThat(GreenMailUtil.getBody(received))
                .contains("here is the answer.")
                .contains("<p>Dear Ada,</p>");
        assertThat(column(id, "transport")).isEqualTo("smtp");
    }

    @Test
    void aFailingServerIsRetriedWithGrowingPausesAndTheMessageFailsAfterTheLastAttempt(CapturedOutput output) {
        String address = unique("bob") + "@example.com";
        smtp.stop();
        try {
            UUID id = mailer.queue(OutgoingMail.service(OMRON, subject(address), address, "Re: recall", "Body"));

            deliver();
            assertThat(attempts(id)).isEqualTo(1);
            assertThat(mailer.status(id)).contains(MailStatus.QUEUED);
            assertThat(column(id, "last_error")).contains("ConnectException").doesNotContain(address);

            clock.advance(Duration.ofSeconds(59));
            deliver();
            assertThat(attempts(id))
                    .as("not due before the first pause of a minute")
                    .isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            deliver();
            assertThat(attempts(id)).isEqualTo(2);

            clock.advance(Duration.ofSeconds(119));
            deliver();
            assertThat(attempts(id)).as("the second pause is twice as long").isEqualTo(2);

            clock.advance(Duration.ofSeconds(1));
            deliver();
            assertThat(attempts(id)).isEqualTo(3);
            assertThat(mailer.status(id)).contains(MailStatus.FAILED);

            clock.advance(Duration.ofDays(1));
            deliver();
            assertThat(attempts(id)).as("a failed message is not tried again").isEqualTo(3);
            assertThat(output).contains(id.toString()).doesNotContain(address);
        } finally {
            smtp.start();
        }
    }

    @Test
    void everyAttemptCarriesTheOneMessageIdGivenWhenTheMessageWasQueued() throws Exception {
        String address = unique("gus") + "@example.com";
        smtp.stop();
        UUID id;
        try {
            id = mailer.queue(OutgoingMail.service(OMRON, subject(address), address, "Re: warranty", "Body"));
            deliver();
            assertThat(attempts(id)).isEqualTo(1);
        } finally {
            smtp.start();
        }
        clock.advance(Duration.ofMinutes(1));
        deliver();

        assertThat(mailer.status(id)).contains(MailStatus.SENT);
        assertThat(column(id, "message_id")).isEqualTo("<" + id + "@steward.test>");
        assertThat(receivedBy(address))
                .singleElement()
                .satisfies(received -> assertThat(received.getMessageID()).isEqualTo("<" + id + "@steward.test>"));
    }

    @Test
    void aMessageLeftInFlightByANodeThatDiedGoesOnceMoreUnderItsMessageIdWhenTheLeaseEnds() throws Exception {
        String address = unique("hal") + "@example.com";
        UUID id = mailer.queue(OutgoingMail.service(OMRON, subject(address), address, "Your repair", "Done."));
        jdbc.sql("""
                        UPDATE outbound_item SET lease_id = gen_random_uuid(), leased_by = 'node-that-died',
                            due_at = :until, started = true
                        WHERE job = 'mail' AND item = :id
                        """)
                .param("until", clock.instant().plus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC))
                .param("id", id)
                .update();

        deliver();
        assertThat(receivedBy(address)).as("its lease is not over").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        deliver();

        assertThat(mailer.status(id)).contains(MailStatus.SENT);
        assertThat(attempts(id)).as("the interrupted attempt and this one").isEqualTo(2);
        assertThat(receivedBy(address))
                .singleElement()
                .satisfies(received -> assertThat(received.getMessageID()).isEqualTo(column(id, "message_id")));
    }

    @Test
    void marketingGoesOnlyWithACurrentConsentWhileServiceMailGoesRegardless() throws Exception {
        String address = unique("carol") + "@example.com";
        SubjectId carol = subject(address);

        UUID withoutConsent = mailer.queue(offer(carol, address));
        assertThat(mailer.status(withoutConsent)).as("dropped when queued").contains(MailStatus.DROPPED);
        assertThat(column(withoutConsent, "last_error"))
                .as("nothing of carol's on the site yet: unknown there, as to the site's integrator")
                .isEqualTo("unknown-subject");
        assertThat(jdbc.sql("SELECT envelope_enc FROM mail_message WHERE id = :id")
                        .param("id", withoutConsent)
                        .query(byte[].class)
                        .optional())
                .as("a dropped message keeps no content")
                .isEmpty();

        consent(carol, ConsentAction.GIVEN);
        UUID unconfirmed = mailer.queue(offer(carol, address));
        assertThat(column(unconfirmed, "last_error"))
                .as("special offers need the subscription confirmed from the mailbox")
                .isEqualTo("awaiting-confirmation");
        consent(carol, ConsentAction.CONFIRMED);
        UUID withConsent = mailer.queue(offer(carol, address));
        deliver();
        assertThat(mailer.status(withConsent)).contains(MailStatus.SENT);
        // giving a double opt-in consent asks for its confirmation by mail, which is service mail; the two workers
        // may each claim one of them, so they arrive in either order
        assertThat(subjectLinesReceivedBy(address))
                .containsExactlyInAnyOrder(
                        "Please confirm your subscription to Omronhealthcare.com", "Sign Up & Save!");

        UUID queuedBeforeWithdrawal = mailer.queue(offer(carol, address));
        consent(carol, ConsentAction.WITHDRAWN);
        UUID reply = mailer.queue(OutgoingMail.service(OMRON, carol, address, "Your order", "It shipped."));
        deliver();

        assertThat(mailer.status(queuedBeforeWithdrawal)).contains(MailStatus.DROPPED);
        assertThat(column(queuedBeforeWithdrawal, "last_error")).isEqualTo("consent-withdrawn");
        assertThat(mailer.status(reply)).contains(MailStatus.SENT);
        List<String> received = subjectLinesReceivedBy(address);
        assertThat(received).hasSize(3).endsWith("Your order");
        assertThat(received.subList(0, 2))
                .containsExactlyInAnyOrder(
                        "Please confirm your subscription to Omronhealthcare.com", "Sign Up & Save!");
    }

    @Test
    void aHoldKeepsMailBackExceptTheNoticeOfItsLiftingAndReleasesItWhenLifted() throws Exception {
        String address = unique("dan") + "@example.com";
        SubjectId dan = subject(address);
        held.restricted.add(dan);
        try {
            UUID reply = mailer.queue(OutgoingMail.service(OMRON, dan, address, "Your inquiry", "Answer"));
            UUID lifting = mailer.queue(
                    OutgoingMail.operational(OMRON, dan, address, "Your restriction will be lifted", "On 1 April")
                            .withCategory(OutgoingMail.RESTRICTION_LIFTING));
            deliver();

            assertThat(mailer.status(reply)).contains(MailStatus.HELD);
            assertThat(mailer.status(lifting)).contains(MailStatus.SENT);

            deliver();
            assertThat(mailer.status(reply)).as("still held while restricted").contains(MailStatus.HELD);

            held.restricted.remove(dan);
            clock.advance(Duration.ofMinutes(1));
            deliver();
            assertThat(mailer.status(reply))
                    .as("looked at again a minute later")
                    .contains(MailStatus.SENT);
            assertThat(subjectLinesReceivedBy(address))
                    .containsExactly("Your restriction will be lifted", "Your inquiry");
        } finally {
            held.restricted.remove(dan);
        }
    }

    @Test
    void erasingTheSubjectDeletesTheirMessages() {
        String address = unique("eve") + "@example.com";
        SubjectId eve = subject(address);
        mailer.queue(OutgoingMail.service(OMRON, eve, address, "Sent", "Body"));
        deliver();
        mailer.queue(OutgoingMail.service(OMRON, eve, address, "Still queued", "Body"));

        vault.eraseSubject(eve, "erasure request");

        assertThat(jdbc.sql("SELECT count(*) FROM mail_message WHERE subject_id = :subject")
                        .param("subject", eve.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theOutboxHoldsNoAddressSubjectLineOrBodyInClearText() {
        String address = unique("frank") + "@example.com";
        String subjectLine = "Subject " + unique("line");
        String body = "Body " + unique("text");
        String html = "<p>" + unique("html") + "</p>";
        mailer.queue(OutgoingMail.service(OMRON, subject(address), address, subjectLine, body)
                .withHtml(html));
        deliver();
        mailer.queue(OutgoingMail.service(OMRON, subject(address), address, subjectLine, body));

        List<byte[]> rows = jdbc.sql("SELECT convert_to(m::text, 'UTF8') FROM mail_message m")
                .query(byte[].class)
                .list();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (String secret : List.of(address, subjectLine, body, html)) {
            byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
            String hex = HexFormat.of().formatHex(plain);
            for (byte[] row : rows) {
                String text = new String(row, StandardCharsets.UTF_8);
                assertThat(text).doesNotContain(secret).doesNotContainIgnoringCase(hex);
            }
        }
    }

    private OutgoingMail offer(SubjectId subject, String address) {
        return OutgoingMail.marketing(OMRON, subject, OFFERS, address, "Sign Up & Save!", "This week's offers");
    }

    private void consent(SubjectId subject, ConsentAction action) {
        ledger.record(ConsentRequest.of(subject, OMRON, OFFERS, action, CollectionMethod.ACCOUNT_PAGE)
                .withWording("Sign Up & Save! Send me email about special offers."));
    }

    private SubjectId subject(String address) {
        return identities.forAddress(Identifier.email(address));
    }

    private void deliver() {
        delivery.deliverDue();
    }

    private List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipient(message).equals(address))
                .toList();
    }

    private List<String> subjectLinesReceivedBy(String address) {
        return receivedBy(address).stream().map(MailDeliveryTest::subjectLine).toList();
    }

    private int attempts(UUID id) {
        return jdbc.sql("SELECT attempts FROM mail_message WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private String column(UUID id, String column) {
        return jdbc.sql("SELECT " + column + " FROM mail_message WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static String subjectLine(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
