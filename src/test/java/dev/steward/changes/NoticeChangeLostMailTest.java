package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Outbound;
import dev.steward.platform.OutboundJob;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.SubjectTraces;
import dev.steward.test.TestClock;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A notice change's one mail to an address is sealed under the key of one of its subjects (the newest): erasing that
 * subject before the mail left deletes the mail, and the address's other subjects must then be told by a new mail, not
 * stay recorded as told by one that never went. Olympus's own material change (2017 to 2018) is told again here to
 * two contact messages of one address sent the day before it was published; the mailing and what the test does to the
 * mail run in one transaction, so that no delivery can send the mail in between.
 */
@StewardTest
class NoticeChangeLostMailTest {

    private static final String SITE = SeedForms.OLYMPUS;
    private static final String LINK = "/s/olympus-ims/notice-change/";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Vault vault;

    @Autowired
    NoticeChangeMailing mailing;

    @Autowired
    Outbound outbound;

    @Autowired
    ApplicationContext context;

    /** Two subjects of one address, the newer one the mail is sealed under. */
    record Address(String email, SubjectId older, SubjectId newer) {}

    @Test
    void theSealingSubjectErasedBeforeTheMailLeftLeavesTheOthersToBeToldByANewMail() {
        Address ann = address("ann");
        UUID lost = toldThen(ann, mail -> {
            assertThat(sealer(mail))
                    .as("a proven subject first, then the newest")
                    .isEqualTo(ann.newer());
            vault.eraseSubject(ann.newer(), "test: erased before the change's mail left");
        });

        mailing.run();

        List<JsonNode> mails = changeMails(ann.email());
        assertThat(mails).as("the address is told by a new mail").hasSize(1);
        UUID retold = UUID.fromString(mails.get(0).get("id").asString());
        assertThat(retold).isNotEqualTo(lost);
        assertThat(sealer(retold)).as("sealed under a subject still there").isEqualTo(ann.older());
        List<Map<String, Object>> rows = rowsOf(ann.older());
        assertThat(rows)
                .as("the row of the lost mail stays, the new mail's follows")
                .hasSize(2);
        assertThat(rows)
                .filteredOn(row -> lost.equals(row.get("mail_id")))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("attempt", 1));
        Map<String, Object> told = rows.stream()
                .filter(row -> retold.equals(row.get("mail_id")))
                .findFirst()
                .orElseThrow();
        assertThat(told).containsEntry("attempt", 2);
        Map<String, Object> lostRow = rows.stream()
                .filter(row -> lost.equals(row.get("mail_id")))
                .findFirst()
                .orElseThrow();
        assertThat(context.getBean(NoticeChangeRepository.class).byToken((String) lostRow.get("token_hash")))
                .as("the lost mail's link, which never left, acts for nobody")
                .isEmpty();
        assertThat(mails.get(0).get("text").asString())
                .as("in the jurisdiction of the subject told")
                .contains("?region=" + told.get("jurisdiction"));
        assertThat(jdbc.sql("SELECT count(*) FROM notice_change_lost WHERE mail_id = :mail")
                        .param("mail", lost)
                        .query(Long.class)
                        .single())
                .as("the evidence says the first mail was lost")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_lost WHERE id = :mail")
                        .param("mail", lost)
                        .query(Long.class)
                        .single())
                .as("the outbox forgets the loss once dealt with")
                .isZero();
        assertThat(SubjectTraces.of(jdbc, List.of(ann.newer().value())))
                .as("nothing of the erased subject")
                .isEmpty();

        mailing.run();
        assertThat(changeMails(ann.email())).as("told once").hasSize(1);
        assertThat(rowsOf(ann.older())).hasSize(2);

        press(Mailboxes.linkIn(mails.get(0).get("text").asString(), LINK).orElseThrow());
        assertThat(renewed(ann.older()))
                .as("the new mail's link renews what it asked the subject still there")
                .isEqualTo(((String[]) toArray(told.get("reconsents"))).length);
    }

    @Test
    void twoNodesTellTheOthersOnce() {
        Address bob = address("bob");
        toldThen(bob, mail -> vault.eraseSubject(bob.newer(), "test: erased before the change's mail left"));

        List<CompletableFuture<Integer>> nodes =
                List.of(CompletableFuture.supplyAsync(mailing::run), CompletableFuture.supplyAsync(mailing::run));
        nodes.forEach(CompletableFuture::join);

        assertThat(changeMails(bob.email())).hasSize(1);
        assertThat(rowsOf(bob.older())).hasSize(2);
    }

    @Test
    void erasingASubjectTheMailIsNotSealedUnderLeavesItToGo() {
        Address cid = address("cid");
        UUID mail = toldThen(cid, queued -> vault.eraseSubject(cid.older(), "test: erased before the mail left"));

        mailing.run();

        assertThat(changeMails(cid.email()))
                .extracting(message -> message.get("id").asString())
                .containsExactly(mail.toString());
        assertThat(rowsOf(cid.newer()))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("mail_id", mail));
        assertThat(jdbc.sql("SELECT count(*) FROM notice_change_lost WHERE mail_id = :mail")
                        .param("mail", mail)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void erasingEveryoneOfTheAddressLeavesNothingToTellOrKeep() {
        Address dee = address("dee");
        UUID mail = toldThen(dee, queued -> {
            vault.eraseSubject(dee.newer(), "test: erased before the mail left");
            vault.eraseSubject(dee.older(), "test: erased before the mail left");
        });

        mailing.run();

        assertThat(changeMails(dee.email())).isEmpty();
        for (String table : List.of("notice_change_lost WHERE mail_id", "mail_lost WHERE id")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " = :mail")
                            .param("mail", mail)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(SubjectTraces.of(
                        jdbc, List.of(dee.newer().value(), dee.older().value())))
                .isEmpty();
    }

    @Test
    void aMailThatLeftBeforeItsSubjectWasErasedStillTellsTheOthersAndItsLinkActsForThem() {
        Address eve = address("eve");
        UUID mail = toldThen(eve, queued -> {});
        deliver();
        assertThat(jdbc.sql("SELECT status FROM mail_message WHERE id = :mail")
                        .param("mail", mail)
                        .query(String.class)
                        .single())
                .isEqualTo("sent");
        String text = changeMails(eve.email()).get(0).get("text").asString();
        vault.eraseSubject(eve.newer(), "test: erased after the change's mail left");

        mailing.run();

        assertThat(rowsOf(eve.older()))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("mail_id", mail));
        assertThat(changeMails(eve.email()))
                .as("the mail that left went with its subject")
                .isEmpty();
        press(Mailboxes.linkIn(text, LINK).orElseThrow());
        assertThat(renewed(eve.older()))
                .as("the link of the mail that left acts for the subject still there")
                .isEqualTo(2);
    }

    /**
     * L3: the address's mail is sealed under its first subject, and waits while that subject's processing is
     * restricted (GDPR Art. 18). On main the address's other subjects were recorded as told by that waiting mail,
     * though nothing had reached them. Now they are told by a mail of their own, which leaves, and the waiting mail is
     * the record of the restricted subject alone.
     */
    @Test
    void aMailHeldForItsSealingSubjectsRestrictionRecordsOnlyThatSubjectAsTold() {
        Address fay = address("fay");
        restrict(fay.newer());

        transaction.executeWithoutResult(status -> tellAsOfTheChange(change()));

        UUID held = (UUID) rowsOf(fay.newer()).get(0).get("mail_id");
        UUID other = (UUID) rowsOf(fay.older()).get(0).get("mail_id");
        assertThat(other)
                .as("the unrestricted subject is not recorded as told by the mail that waits")
                .isNotEqualTo(held);
        assertThat(sealer(held)).isEqualTo(fay.newer());
        assertThat(sealer(other)).isEqualTo(fay.older());
        deliver();
        assertThat(status(other)).as("the other subject's mail leaves").isEqualTo("sent");
        assertThat(status(held)).as("the restricted subject's waits").isEqualTo("held");
        assertThat(changeMails(fay.email())).hasSize(2);

        mailing.run();
        assertThat(changeMails(fay.email())).as("each told once").hasSize(2);
    }

    /** A restriction of the subject's processing on the site, as a request places it, seen by this node. */
    private void restrict(SubjectId subject) {
        jdbc.sql("""
                        INSERT INTO restriction (id, subject_id, site, ground, since)
                        VALUES (gen_random_uuid(), :subject, :site, 'test', now())
                        """).param("subject", subject.value()).param("site", SITE).update();
        jdbc.sql("SELECT pg_notify('steward_restrictions', 'changed')").query().listOfRows();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        context.getBean(dev.steward.rights.Restrictions.class).restricted(subject, SITE));
    }

    private String status(UUID mail) {
        return jdbc.sql("SELECT status FROM mail_message WHERE id = :mail")
                .param("mail", mail)
                .query(String.class)
                .single();
    }

    /** Two contact messages of one address, sent the day before the change was published, a minute apart. */
    private Address address(String who) {
        // a context just started has not told the change yet: told now, it is told to the other tests' people
        mailing.run();
        Instant now = clock.instant();
        Instant before = change().createdAt().minus(Duration.ofDays(1));
        String email = Canary.email(SeedForms.unique(who));
        try {
            clock.set(before);
            SubjectId older = submitted(SeedForms.olympusContact().with("email", email));
            clock.set(before.plus(Duration.ofMinutes(1)));
            SubjectId newer = submitted(SeedForms.olympusContact().with("email", email));
            return new Address(email, older, newer);
        } finally {
            clock.set(now);
        }
    }

    /**
     * Tells Olympus's change to the address in one transaction with what the test then does to the mail: the change
     * is opened for people from before the address's messages only (nobody of the other tests), and closed again as
     * it was; answers the mail.
     */
    private UUID toldThen(Address address, Consumer<UUID> then) {
        NoticeChangeRepository.ChangeRow change = change();
        return transaction.execute(status -> {
            tellAsOfTheChange(change);
            List<Map<String, Object>> rows = rowsOf(address.newer());
            assertThat(rows).hasSize(1);
            UUID mail = (UUID) rows.get(0).get("mail_id");
            assertThat(rowsOf(address.older()).get(0)).containsEntry("mail_id", mail);
            then.accept(mail);
            return mail;
        });
    }

    /** Opens the change for people from before the addresses' messages, runs the mailing and closes it as it was. */
    private void tellAsOfTheChange(NoticeChangeRepository.ChangeRow change) {
        jdbc.sql("UPDATE notice_change SET created_at = :at, completed_at = NULL WHERE id = :id")
                .param(
                        "at",
                        OffsetDateTime.ofInstant(
                                change.createdAt().minus(Duration.ofHours(12)), java.time.ZoneOffset.UTC))
                .param("id", change.id())
                .update();
        mailing.run();
        jdbc.sql("UPDATE notice_change SET created_at = :at, completed_at = :completed WHERE id = :id")
                .param("at", OffsetDateTime.ofInstant(change.createdAt(), java.time.ZoneOffset.UTC))
                .param(
                        "completed",
                        change.completedAt() == null
                                ? null
                                : OffsetDateTime.ofInstant(change.completedAt(), java.time.ZoneOffset.UTC))
                .param("id", change.id())
                .update();
    }

    private NoticeChangeRepository.ChangeRow change() {
        return context.getBean(NoticeChangeRepository.class).of(List.of(SITE)).stream()
                .filter(change -> change.site().equals(SITE))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> rowsOf(SubjectId subject) {
        return jdbc.sql("SELECT * FROM notice_change_recipient WHERE subject_id = :subject ORDER BY told_at")
                .param("subject", subject.value())
                .query()
                .listOfRows();
    }

    private static Object toArray(Object sqlArray) {
        try {
            return ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SubjectId sealer(UUID mail) {
        return new SubjectId(jdbc.sql("SELECT subject_id FROM mail_message WHERE id = :mail")
                .param("mail", mail)
                .query(UUID.class)
                .single());
    }

    private List<JsonNode> changeMails(String address) {
        return Mailboxes.to(port, address).stream()
                .filter(message ->
                        "notice-change".equals(message.get("category").asString()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private void deliver() {
        outbound.drain((OutboundJob<OutboundJob.Result>) context.getBean("mailDelivery"));
    }

    private SubjectId submitted(Filled form) {
        HttpResponse<String> answer = new Http(port).postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return new SubjectId(
                UUID.fromString(Json.read(answer.body()).get("subject").asString()));
    }

    private void press(String link) {
        Http http = new Http(port);
        HttpResponse<String> opened = http.get(link);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        HttpResponse<String> pressed =
                http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), OmronChange.cookieOf(opened));
        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
    }

    private long renewed(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM consent_event WHERE subject_id = :subject AND method = 'email-link'"
                        + " AND action = 'given'")
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }
}
