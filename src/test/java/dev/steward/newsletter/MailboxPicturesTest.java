package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.consent.ConsentLedger;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dev mailbox shows a message's pictures (issue #13): a campaign's messages with their campaign's, a test send
 * with its own, each put into the HTML as a data: address at the address the page's sandboxed frame shows. Only staff who may read
 * the mailbox see them, on their own sites; the API keeps answering the HTML as it was sent.
 */
@StewardTest
class MailboxPicturesTest {

    private static final String OLYMPUS = "olympus-ims";
    private static final Pattern FRAME = Pattern.compile("/admin/mailbox/[0-9a-f-]{36}\\.html");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    CampaignStarter starter;

    Http http;
    Campaigns campaigns;
    Subscribers subscribers;

    @BeforeEach
    void clients() {
        http = new Http(port);
        campaigns = new Campaigns(port, jdbc, identities);
        subscribers = new Subscribers(identities, ledger);
    }

    @Test
    void eachMessageShowsItsOwnPicturesToStaffWhoMayReadTheMailboxAndToNobodyElse() {
        String ada = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        subscribers.confirmed(OLYMPUS, ada, "newsletter");
        byte[] first = Campaigns.png(0x336699);
        byte[] second = Campaigns.png(0x993366);
        UUID spring = pictured("Spring pictures", first);
        UUID summer = pictured("Summer pictures", second);
        String staff = "mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@olympus-ims.com";
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + spring + "/test", Map.of("to", staff))
                        .statusCode())
                .isEqualTo(202);
        campaigns.send(spring);
        starter.run();
        awaitMessages(ada, 1);
        campaigns.send(summer);
        starter.run();
        awaitMessages(ada, 2);
        awaitMessages(staff, 1);

        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = admin.get("/admin/mailbox?to=" + encode(ada)).body();
        assertThat(page).as("the page frames each message's HTML").doesNotContain("data:image");
        assertThat(page).as("the frame stays sandboxed").contains("<iframe sandbox=\"\"");
        String framed = frames(admin, page);
        assertThat(framed)
                .as("each campaign message shows its own campaign's picture, and no cid: is left")
                .contains(data(first))
                .contains(data(second))
                .doesNotContain("cid:detector.png@");
        assertThat(frames(admin, admin.get("/admin/mailbox?to=" + encode(staff)).body()))
                .as("a test send shows the pictures its envelope carries")
                .contains(data(first))
                .doesNotContain(data(second))
                .doesNotContain("cid:detector.png@");

        String api = http.get("/api/v1/admin/mailbox?to=" + encode(ada), Campaigns.admin())
                .body();
        assertThat(api)
                .as("the API answers the HTML as sent")
                .contains("cid:detector.png@")
                .doesNotContain("data:");

        String omron = StaffUsers.add(port, "PRIVACY_OFFICER", "omron-healthcare");
        Console other = Console.signIn(port, omron, StaffUsers.PASSWORD);
        assertThat(other.get("/admin/mailbox?to=" + encode(ada)).body())
                .as("another site's staff see neither the message nor its pictures")
                .doesNotContain(".html\"");
        FRAME.matcher(page)
                .results()
                .forEach(frame ->
                        assertThat(other.get(frame.group()).statusCode()).isEqualTo(404));
        assertThat(Console.signIn(port, omron, StaffUsers.PASSWORD)
                        .get("/admin/mailbox?site=" + OLYMPUS)
                        .statusCode())
                .isEqualTo(404);

        String auditor = StaffUsers.add(port, "AUDITOR", null);
        assertThat(Console.signIn(port, auditor, StaffUsers.PASSWORD)
                        .get("/admin/mailbox?to=" + encode(ada))
                        .statusCode())
                .as("the auditor may not read the mailbox, pictures included")
                .isEqualTo(403);
        HttpResponse<String> anonymous = http.get("/admin/mailbox?to=" + encode(ada));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain("data:image");
    }

    /**
     * attack22: the dev mailbox showed a tracked subscriber's newsletter with its click redirects and pixel, so a member
     * of staff who followed a link to see where it goes was recorded as the subscriber clicking it. Staff are shown
     * each tracked link as where it leads, on the page's frame and in the API alike, and no click is recorded.
     */
    @Test
    void staffSeeATrackedMessagesLinksAsWhereTheyLeadSoReadingItRecordsNothing() {
        String eve = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        dev.steward.vault.SubjectId subject = subscribers.confirmed(OLYMPUS, eve, "newsletter");
        subscribers.record(
                subject,
                OLYMPUS,
                "newsletter-evaluation",
                dev.steward.consent.ConsentAction.GIVEN,
                dev.steward.consent.CollectionMethod.FORM);
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Tracked in the dev mailbox", CampaignMailTest.body());
        campaigns.send(campaign);
        starter.run();
        awaitMessages(eve, 1);
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_message WHERE campaign_id = :c AND tracked")
                        .param("c", campaign)
                        .query(Long.class)
                        .single())
                .as("the message went out tracked")
                .isOne();

        String api = http.get("/api/v1/admin/mailbox?to=" + encode(eve), Campaigns.admin())
                .body();
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String framed =
                frames(admin, admin.get("/admin/mailbox?to=" + encode(eve)).body());
        for (String shown : List.of(api, framed)) {
            assertThat(shown)
                    .contains(CampaignMailTest.NEWS)
                    .doesNotContainPattern("/s/olympus-ims/n/[0-9a-f-]{36}/(c/\\d+/|o/)");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM tracking_event WHERE campaign_id = :c")
                        .param("c", campaign)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A draft with a picture named detector.png that its body shows. */
    private UUID pictured(String subjectLine, byte[] picture) {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", subjectLine, "Hello");
        assertThat(campaigns.attach(campaign, null, "detector.png", picture).statusCode())
                .isEqualTo(201);
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"# News\\n\\n![The detector](cid:detector.png)\\n\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        return campaign;
    }

    private void awaitMessages(String to, int count) {
        await().atMost(Duration.ofSeconds(40))
                .until(() -> http.get("/api/v1/admin/mailbox?to=" + encode(to), Campaigns.admin())
                                        .body()
                                        .split("\"messageId\"", -1)
                                        .length
                                - 1
                        >= count);
    }

    /** The HTML of every message the page frames, one after the other. */
    private static String frames(Console console, String page) {
        List<String> frames =
                FRAME.matcher(page).results().map(MatchResult::group).toList();
        assertThat(frames).isNotEmpty();
        return frames.stream().map(frame -> console.get(frame).body()).collect(Collectors.joining("\n"));
    }

    /** The picture as a message's frame carries it. */
    private static String data(byte[] picture) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(picture);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
