package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.steward.test.Canary;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.SeedForms;
import dev.steward.test.Smtp;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject that joined two addresses before proofs and waits for review (maybe two people's) is told of Omron's
 * material change at one of them, and asked nothing: the link of that mail renewed the subject's consents, the other
 * person's among them, and proved whichever address of the subject came first, not always the one mailed (attack23).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeChangeReviewTest {

    private static final int SMTP_PORT = Smtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    OmronChange omron;
    ConfigurableApplicationContext server;
    String kim = Canary.email("kim-" + UUID.randomUUID());
    String lee = Canary.email("lee-" + UUID.randomUUID());
    SubjectId joined;

    @BeforeAll
    void joinedBeforeProofsThenAMaterialChange(@TempDir Path temporary) throws IOException {
        omron = new OmronChange(temporary, SMTP_PORT, "");
        try (ConfigurableApplicationContext first = omron.start()) {
            first.getBean(TestClock.class).set(OmronChange.BEFORE_THE_CHANGE);
            HttpResponse<String> entered = TestServer.http(first)
                    .postJson(
                            SeedForms.omronContest().with("email", kim).apiPath(),
                            SeedForms.omronContest().with("email", kim).json());
            assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
            joined = new SubjectId(
                    UUID.fromString(Json.read(entered.body()).get("subject").asString()));
            // as the migration to proofs left a subject whose submissions shared a phone number: two addresses, flagged
            first.getBean(Identities.class).add(joined, List.of(ClaimedIdentifier.of(Identifier.email(lee))));
            first.getBean(JdbcClient.class)
                    .sql("UPDATE data_subject SET review = 'merged-through-unproven-identifier' WHERE id = :id")
                    .param("id", joined.value())
                    .update();
        }
        omron.revise(omron.materialRevision());
        server = omron.start();
        server.getBean(NoticeChangeMailing.class).run();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSubjectAwaitingReviewIsToldOfTheChangeAndAskedNothing() throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !mails().isEmpty());
        Thread.sleep(1_000);

        assertThat(mails()).as("one mail, at one of its addresses").hasSize(1);
        String text = Smtp.text(mails().get(0));
        assertThat(text).contains("Surveys and contests: we changed").doesNotContain(OmronChange.NEW_WORDING);
        assertThat(Mailboxes.linkIn(text, "/s/omron-healthcare/notice-change/"))
                .as("no link that would renew its consents or prove an address")
                .isEmpty();
        assertThat(count("SELECT count(*) FROM notice_change_recipient WHERE subject_id = :subject"))
                .as("recorded as told")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM data_subject WHERE id = :subject AND review IS NOT NULL"))
                .as("still waiting for review")
                .isEqualTo(1);
    }

    private long count(String sql) {
        return server.getBean(JdbcClient.class)
                .sql(sql)
                .param("subject", joined.value())
                .query(Long.class)
                .single();
    }

    private List<MimeMessage> mails() {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Stream.of(kim, lee).anyMatch(Smtp.recipient(message)::equalsIgnoreCase))
                .filter(message -> Smtp.subjectLine(message).contains(OmronChange.SUBJECT_LINE))
                .toList();
    }
}
