package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.Smtp;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A notice change tells an address once: Omron rewords the contest's consent (as in {@link NoticeChangeTest}), and
 * an address that entered the contest three times, one of them since withdrawn, receives one mail, whose one link
 * renews the consent of each subject still giving it, each under its own subject. Two addresses are never merged,
 * Olympus's subject of the same address is never included, a withdrawal or an erasure after the mail stands, and a
 * subject found after its address was told gets a mail of its own only where that mail did not cover it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeChangePerAddressTest {

    private static final String SITE = SeedForms.OMRON;
    private static final String PURPOSE = "surveys-and-contests";
    private static final String LINK = "/s/omron-healthcare/notice-change/";
    private static final int SMTP_PORT = Smtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    OmronChange omron;
    ConfigurableApplicationContext server;
    Http http;
    String ann = Canary.email("ann-" + UUID.randomUUID());
    String bob = Canary.email("bob-" + UUID.randomUUID());
    String eve = Canary.email("eve-" + UUID.randomUUID());
    String gil = Canary.email("gil-" + UUID.randomUUID());
    String hal = Canary.email("hal-" + UUID.randomUUID());
    List<SubjectId> anns;
    SubjectId annLate;
    SubjectId annAtOlympus;
    SubjectId bobs;
    List<SubjectId> eves;
    SubjectId gils;
    SubjectId gilLate;
    int firstRun;
    int secondRun;
    List<SubjectId> hals;
    List<Integer> concurrentRuns;

    @BeforeAll
    void tellAfterAMaterialChange(@TempDir Path temporary) throws IOException {
        omron = new OmronChange(temporary, SMTP_PORT, ",classpath:examples/olympus-2018");
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(TestClock.class).set(OmronChange.BEFORE_THE_CHANGE);
            Http firstHttp = TestServer.http(first);
            anns = List.of(contest(firstHttp, ann), contest(firstHttp, ann), contest(firstHttp, ann));
            bobs = contest(firstHttp, bob);
            eves = List.of(contest(firstHttp, eve), contest(firstHttp, eve), contest(firstHttp, eve));
            gils = contest(firstHttp, gil);
            annAtOlympus = submitted(firstHttp, SeedForms.olympusContact().with("email", ann));
            // her third entry's consent is withdrawn before the change: nothing of it is asked again
            withdraw(first, anns.get(2));
        }
        omron.revise(omron.materialRevision());
        server = start();
        http = TestServer.http(server);
        firstRun = server.getBean(NoticeChangeMailing.class).run();

        // Gil renews through his link; then a subject of his address and one of Ann's are found, from before the
        // change (as a split of a reviewed subject or a restore's replay brings them)
        press(link(gil, 0));
        TestClock clock = server.getBean(TestClock.class);
        Instant now = clock.instant();
        clock.set(OmronChange.BEFORE_THE_CHANGE.plus(Duration.ofHours(1)));
        // the new catalog asks for the phone number too
        gilLate = submitted(http, SeedForms.omronContest().with("email", gil).with("phone", SeedForms.phone()));
        annLate = submitted(http, SeedForms.omronContest().with("email", ann).with("phone", SeedForms.phone()));
        clock.set(now);
        server.getBean(JdbcClient.class)
                .sql("UPDATE notice_change SET completed_at = NULL WHERE site = 'omron-healthcare'")
                .update();
        secondRun = server.getBean(NoticeChangeMailing.class).run();

        // two subjects of Hal's found from before the change, and two nodes looking for people at the same moment
        clock.set(OmronChange.BEFORE_THE_CHANGE.plus(Duration.ofHours(2)));
        hals = List.of(
                submitted(http, SeedForms.omronContest().with("email", hal).with("phone", SeedForms.phone())),
                submitted(http, SeedForms.omronContest().with("email", hal).with("phone", SeedForms.phone())));
        clock.set(now);
        server.getBean(JdbcClient.class)
                .sql("UPDATE notice_change SET completed_at = NULL WHERE site = 'omron-healthcare'")
                .update();
        NoticeChangeMailing mailing = server.getBean(NoticeChangeMailing.class);
        List<CompletableFuture<Integer>> nodes =
                List.of(CompletableFuture.supplyAsync(mailing::run), CompletableFuture.supplyAsync(mailing::run));
        concurrentRuns = nodes.stream().map(CompletableFuture::join).toList();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void eachAddressIsToldOnceWhateverItsSubjects() throws Exception {
        // the Olympus demo's own material change (2017 to 2018) tells Ann of her Olympus subject, apart
        assertThat(firstRun)
                .as("Ann, Bob, Eve and Gil on Omron; Ann on Olympus")
                .isEqualTo(5);
        assertThat(secondRun)
                .as("Gil's late subject only: Ann's unused link covers hers")
                .isEqualTo(1);
        assertThat(concurrentRuns)
                .as("two nodes at once: Hal's address is told by one of them")
                .containsExactlyInAnyOrder(0, 1);
        awaitMails(gil, 2);
        awaitMails(hal, 1);
        Thread.sleep(2_000);
        assertThat(mailsTo(hal)).hasSize(1);
        assertThat(mailOf(hals.get(0))).isEqualTo(mailOf(hals.get(1)));
        assertThat(mailsTo(ann)).hasSize(1);
        assertThat(mailsTo(bob)).hasSize(1);
        assertThat(mailsTo(eve)).hasSize(1);
        assertThat(mailsTo(gil)).hasSize(2);
        String text = Smtp.text(mailsTo(ann).get(0));
        assertThat(text.split(java.util.regex.Pattern.quote(OmronChange.NEW_WORDING), -1))
                .as("the consent asked once")
                .hasSize(2);
        assertThat(text.split("Surveys and contests: we changed", -1))
                .as("what changed said once")
                .hasSize(2);
        assertThat(Mailboxes.linkIn(text, LINK)).isPresent();

        // every subject recorded as told, by its address's one mail; the withdrawn one asked nothing
        assertThat(mailOf(anns.get(0)))
                .isEqualTo(mailOf(anns.get(1)))
                .isEqualTo(mailOf(anns.get(2)))
                .isEqualTo(mailOf(annLate))
                .isNotEqualTo(mailOf(bobs));
        assertThat(reconsentsOf(anns.get(2))).isEmpty();
        assertThat(reconsentsOf(anns.get(0))).containsExactly(PURPOSE + "/" + PURPOSE);
        assertThat(mailOf(gilLate)).isNotEqualTo(mailOf(gils));
        assertThat(told(annAtOlympus))
                .as("another site's subject of the address")
                .isZero();

        Map<String, Long> progress = progress();
        assertThat(progress).containsEntry("told", 6L).containsEntry("reconsentAsked", 6L);
    }

    @Test
    void theLinkRenewsTheConsentOfEachSubjectStillGivingItOnce() throws Exception {
        String link = link(ann, 0);
        HttpResponse<String> opened = http.get(link);
        http.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body().split("Conducting surveys and contests", -1)).hasSize(2);
        assertThat(renewed(anns.get(0))).as("opening records nothing").isZero();

        HttpResponse<String> pressed = press(link);

        assertThat(pressed.body().split(">Receipt:", -1))
                .as("one receipt per subject")
                .hasSize(4);
        assertThat(renewed(anns.get(0))).isEqualTo(1);
        assertThat(renewed(anns.get(1))).isEqualTo(1);
        assertThat(renewed(annLate)).as("found after the mail, covered by it").isEqualTo(1);
        assertThat(renewed(anns.get(2))).as("withdrawn before the mail").isZero();
        assertThat(latest(anns.get(2))).isEqualTo("withdrawn");
        assertThat(events(annAtOlympus)).as("another site's subject").isZero();
        assertThat(renewed(bobs)).as("another address").isZero();
        HttpResponse<String> again =
                http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), OmronChange.cookieOf(opened));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(renewed(anns.get(0))).isEqualTo(1);
    }

    @Test
    void aWithdrawalOrAnErasureAfterTheMailStands() throws Exception {
        String link = link(eve, 0);
        withdraw(server, eves.get(1));
        server.getBean(Vault.class).eraseSubject(eves.get(2), "erasure request");
        assertThat(told(eves.get(2))).as("erasure forgets that it was told").isZero();

        press(link);

        assertThat(renewed(eves.get(0))).isEqualTo(1);
        assertThat(renewed(eves.get(1))).isZero();
        assertThat(latest(eves.get(1))).isEqualTo("withdrawn");
        assertThat(events(eves.get(2))).isZero();
    }

    @Test
    void aSubjectFoundAfterItsAddressRenewedGetsAMailOfItsOwn() throws Exception {
        awaitMails(gil, 2);
        assertThat(renewed(gils)).isEqualTo(1);
        assertThat(renewed(gilLate)).isZero();

        press(link(gil, 1));

        assertThat(renewed(gilLate)).isEqualTo(1);
        assertThat(renewed(gils)).isEqualTo(1);
    }

    @Test
    void aLinkWhosePeopleAllWithdrewSinceRecordsNothing() {
        withdraw(server, bobs);
        String link = link(bob, 0);

        HttpResponse<String> opened = http.get(link);

        assertThat(opened.statusCode()).isEqualTo(410);
        assertThat(opened.body()).contains("Nothing was recorded");
        assertThat(renewed(bobs)).isZero();
    }

    private Map<String, Long> progress() {
        var change = Json.read(http.get(
                                "/api/v1/admin/notice-changes",
                                Http.basic("admin", dev.steward.test.StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("changes");
        var omron = java.util.stream.StreamSupport.stream(change.spliterator(), false)
                .filter(one -> one.get("site").asString().equals(SITE))
                .findFirst()
                .orElseThrow();
        return Map.of(
                "told",
                omron.get("told").asLong(),
                "reconsentAsked",
                omron.get("reconsentAsked").asLong());
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Smtp.recipient(message).equalsIgnoreCase(address))
                .filter(message -> Smtp.subjectLine(message).contains(OmronChange.SUBJECT_LINE))
                .toList();
    }

    private void awaitMails(String address, int count) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(address).size() >= count);
    }

    /** The link of the address's n-th change mail. */
    private String link(String address, int nth) {
        awaitMails(address, nth + 1);
        return Mailboxes.linkIn(Smtp.text(mailsTo(address).get(nth)), LINK).orElseThrow();
    }

    private HttpResponse<String> press(String link) {
        HttpResponse<String> opened = http.get(link);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        HttpResponse<String> pressed =
                http.postForm(link, Map.of("_csrf", Console.csrf(opened.body())), OmronChange.cookieOf(opened));
        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
        return pressed;
    }

    private static void withdraw(ConfigurableApplicationContext on, SubjectId subject) {
        on.getBean(ConsentLedger.class)
                .record(ConsentRequest.of(subject, SITE, PURPOSE, ConsentAction.WITHDRAWN, CollectionMethod.API));
    }

    /** The consents given again through a change mail's link, with the new wording, under this subject. */
    private long renewed(SubjectId subject) {
        return jdbc().sql("""
                        SELECT count(*) FROM consent_event WHERE subject_id = :subject AND purpose = :purpose
                          AND action = 'given' AND method = 'email-link' AND notice_version = '2026-03-10'
                          AND wording_sha256 = :wording
                        """)
                .param("subject", subject.value())
                .param("purpose", PURPOSE)
                .param("wording", Sha256.hex(OmronChange.NEW_WORDING))
                .query(Long.class)
                .single();
    }

    private String latest(SubjectId subject) {
        return jdbc().sql("""
                        SELECT action FROM consent_event WHERE subject_id = :subject AND purpose = :purpose
                        ORDER BY seq DESC LIMIT 1
                        """)
                .param("subject", subject.value())
                .param("purpose", PURPOSE)
                .query(String.class)
                .single();
    }

    private long events(SubjectId subject) {
        return jdbc().sql("SELECT count(*) FROM consent_event WHERE subject_id = :subject AND method = 'email-link'")
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private long told(SubjectId subject) {
        return jdbc().sql("""
                        SELECT count(*) FROM notice_change_recipient r JOIN notice_change c ON c.id = r.change_id
                        WHERE r.subject_id = :subject AND c.site = 'omron-healthcare'
                        """)
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private UUID mailOf(SubjectId subject) {
        return jdbc().sql("""
                        SELECT mail_id FROM notice_change_recipient r JOIN notice_change c ON c.id = r.change_id
                        WHERE r.subject_id = :subject AND c.site = 'omron-healthcare'
                        """)
                .param("subject", subject.value())
                .query(UUID.class)
                .single();
    }

    private List<String> reconsentsOf(SubjectId subject) {
        return jdbc().sql("""
                        SELECT unnest(reconsents) FROM notice_change_recipient r JOIN notice_change c ON c.id = r.change_id
                        WHERE r.subject_id = :subject AND c.site = 'omron-healthcare'
                        """)
                .param("subject", subject.value())
                .query(String.class)
                .list();
    }

    private JdbcClient jdbc() {
        return server.getBean(JdbcClient.class);
    }

    private static SubjectId contest(Http http, String address) {
        return submitted(http, SeedForms.omronContest().with("email", address));
    }

    private static SubjectId submitted(Http http, Filled form) {
        HttpResponse<String> answer = http.postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return new SubjectId(
                UUID.fromString(Json.read(answer.body()).get("subject").asString()));
    }

    private ConfigurableApplicationContext start() {
        return omron.start();
    }
}
