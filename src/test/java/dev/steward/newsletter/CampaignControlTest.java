package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What staff may do with campaigns, by role and site; the refusals of bad input, each naming its field; scheduling,
 * pausing, resuming, cancelling; and the test send to a staff address.
 */
class CampaignControlTest extends CampaignMailTest {

    @Autowired
    DataSource dataSource;

    @Test
    void badCampaignsAreRefusedFieldByFieldAndNothingIsStored() {
        long before =
                jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();

        assertThat(codes(campaigns.post("/api/v1/admin/campaigns", Map.of())))
                .containsExactlyInAnyOrder("site:required", "subjectLine:required", "body:required");
        assertThat(codes(campaigns.post(
                        "/api/v1/admin/campaigns",
                        Map.of("site", OLYMPUS, "list", "newsletter-evaluation", "subjectLine", "Hi", "body", "Hi"))))
                .as("evaluating newsletters is no list: it is not double opt-in")
                .containsExactly("list:unknown-list");
        assertThat(codes(campaigns.post(
                        "/api/v1/admin/campaigns",
                        Map.of("site", "nowhere", "list", "newsletter", "subjectLine", "Hi", "body", "Hi"))))
                .containsExactly("site:unknown-site");
        assertThat(codes(campaigns.post(
                        "/api/v1/admin/campaigns",
                        Map.of(
                                "site",
                                OLYMPUS,
                                "list",
                                "newsletter",
                                "subjectLine",
                                "Two\nlines",
                                "body",
                                "[win](javascript:alert(1))"))))
                .containsExactlyInAnyOrder("subjectLine:line-break", "body:unsafe-link");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single())
                .isEqualTo(before);

        UUID draft = campaigns.create(OLYMPUS, "newsletter", "Fixed", body());
        String path = "/api/v1/admin/campaigns/" + draft;
        assertThat(codes(http.patchJson(path, "{\"site\":\"omron-healthcare\"}", Campaigns.admin())))
                .containsExactly("site:fixed");
        assertThat(codes(http.patchJson(path, "{\"list\":\"group-promotions\"}", Campaigns.admin())))
                .containsExactly("list:fixed");
        assertThat(campaigns.figures(draft).get("site").asString()).isEqualTo(OLYMPUS);
    }

    @Test
    void administratorsAndPrivacyOfficersComposeAuditorsReadAndScopedStaffSeeOnlyTheirSites() {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Roles", body());
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        String agent = StaffUsers.create(jdbc, "SUPPORT_AGENT", null);
        String officer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", null);
        String omronOfficer = StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare");
        Map<String, String> draft = Map.of("site", OLYMPUS, "list", "newsletter", "subjectLine", "Hi", "body", "Hi");

        assertThat(http.get("/api/v1/admin/campaigns/" + campaign, StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/campaigns/" + campaign + "/preview", StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns", draft, StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/send", Map.of(), StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/campaigns", StaffUsers.basic(agent)).statusCode())
                .isEqualTo(403);
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns", draft, StaffUsers.basic(officer))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.get("/api/v1/admin/campaigns/" + campaign, StaffUsers.basic(omronOfficer))
                        .statusCode())
                .as("another site's campaign does not exist for a scoped member")
                .isEqualTo(404);
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns", draft, StaffUsers.basic(omronOfficer))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/campaigns", StaffUsers.basic(omronOfficer))
                        .body())
                .doesNotContain(campaign.toString());
        assertThat(Json.rows(
                        Json.read(http.get("/api/v1/admin/lists?site=omron-healthcare", Campaigns.admin())
                                .body()),
                        "list",
                        "kind"))
                .containsExactly(
                        "special-offers | marketing",
                        "partner-offers | marketing",
                        "operational-notices | operational");
    }

    @Test
    void aScheduledCampaignWaitsForItsTimeAndADraftAloneCanChange() {
        String tom = address("tom");
        subscribers.confirmed(OLYMPUS, tom, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Later", body());
        HttpResponse<String> changed = http.patchJson(
                "/api/v1/admin/campaigns/" + campaign, "{\"subjectLine\":\"Later, changed\"}", Campaigns.admin());
        assertThat(changed.statusCode()).isEqualTo(200);

        Instant at = clock.instant().plus(Duration.ofHours(2));
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/send", Map.of("at", at.toString()))
                        .statusCode())
                .isEqualTo(200);
        starter.run();
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("scheduled");
        assertThat(codes(http.patchJson(
                        "/api/v1/admin/campaigns/" + campaign, "{\"subjectLine\":\"Too late\"}", Campaigns.admin())))
                .containsExactly("status:not-a-draft");

        clock.advance(Duration.ofHours(3));
        starter.run();
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("sent");
        assertThat(receivedBy(tom)).extracting(CampaignMailTest::subjectLine).containsExactly("Later, changed");
        assertThat(codes(campaigns.post("/api/v1/admin/campaigns/" + campaign + "/pause", Map.of())))
                .containsExactly("status:not-allowed");
    }

    @Test
    void pausingTakesWaitingMessagesOutOfTheQueueUntilResumedAndCancellingStopsThemForGood() {
        String uma = address("uma");
        subscribers.confirmed(OLYMPUS, uma, "group-promotions");
        UUID campaign = campaigns.create(OLYMPUS, "group-promotions", "Paused", body());
        campaigns.send(campaign);
        starter.startDue();

        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/pause", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(campaigns.status(campaign, uma)).isEqualTo("paused null");
        starter.run();
        assertThat(receivedBy(uma)).isEmpty();

        campaigns.post("/api/v1/admin/campaigns/" + campaign + "/resume", Map.of());
        starter.run();
        assertThat(receivedBy(uma)).hasSize(1);

        UUID stopped = campaigns.create(OLYMPUS, "group-promotions", "Stopped", body());
        campaigns.send(stopped);
        starter.startDue();
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + stopped + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(200);
        starter.run();
        assertThat(campaigns.status(stopped, uma)).isEqualTo("cancelled null");
        assertThat(receivedBy(uma)).hasSize(1);
        assertThat(codes(campaigns.post("/api/v1/admin/campaigns/" + stopped + "/resume", Map.of())))
                .containsExactly("status:not-allowed");
    }

    /**
     * A worker that holds a message when staff pause puts it aside when it comes to it; if staff resumed meanwhile,
     * before the worker recorded it, resuming did not see it paused yet. It must go all the same, not stay paused in a
     * campaign that goes on and then counts as sent without it.
     */
    @Test
    void aMessagePutAsideForAPauseThatWasResumedMeanwhileStillGoesOut() throws Exception {
        String ada = address("aside");
        subscribers.confirmed(OLYMPUS, ada, "group-promotions");
        UUID campaign = campaigns.create(OLYMPUS, "group-promotions", "Paused a moment", body());
        campaigns.send(campaign);
        starter.startDue();
        UUID message = campaigns.messageId(campaign, ada);
        // a worker of another node holds the message as staff pause, so the pause cannot take it out of the queue
        jdbc.sql("""
                        UPDATE outbound_item SET lease_id = gen_random_uuid(), leased_by = 'another node',
                            leased_until = :until
                        WHERE job = 'campaign' AND item = :item
                        """)
                .param("until", clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC))
                .param("item", message)
                .update();
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/pause", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(campaigns.status(campaign, ada)).isEqualTo("queued null");
        // that node stops; once its lease ends this node's worker takes the message, finds the campaign paused and puts
        // the message aside: its record of that waits here until staff have resumed
        clock.advance(Duration.ofMinutes(2));
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock =
                    held.prepareStatement("SELECT 1 FROM campaign_message WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, message);
                lock.executeQuery().close();
            }
            CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(starter::run);
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForLocks() >= 1);
            CompletableFuture<HttpResponse<String>> resumed = CompletableFuture.supplyAsync(
                    () -> campaigns.post("/api/v1/admin/campaigns/" + campaign + "/resume", Map.of()));
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.isDone() || waitingForLocks() >= 2);
            held.rollback();
            assertThat(resumed.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            worker.get(20, TimeUnit.SECONDS);
        }
        starter.run();

        assertThat(receivedBy(ada, "Paused a moment")).hasSize(1);
        assertThat(campaigns.status(campaign, ada)).isEqualTo("sent null");
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("sent");
    }

    /** Statements of this test's database waiting for a lock another transaction holds. */
    private long waitingForLocks() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """).query(Long.class).single();
    }

    @Test
    void aTestGoesToTheStaffAddressAsThePeopleWillReceiveItAndItsLinksLeadNowhere() throws Exception {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Before it goes", body());
        String staff = "marketing-team@olympus-ims.com";

        HttpResponse<String> queued =
                campaigns.post("/api/v1/admin/campaigns/" + campaign + "/test", Map.of("to", staff));
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(codes(campaigns.post("/api/v1/admin/campaigns/" + campaign + "/test", Map.of("to", "nobody"))))
                .containsExactly("to:invalid-address");

        MimeMessage test = awaitMessageTo(staff);
        assertThat(test.getSubject()).isEqualTo("[Test] Before it goes");
        String raw = raw(test);
        assertThat(header(raw, "From")).isEqualTo("Olympus IMS <newsletter@olympus-ims.com>");
        assertThat(header(raw, "List-Unsubscribe")).contains("/unsubscribe/preview>");
        assertThat(http.get("/s/olympus-ims/unsubscribe/preview").statusCode()).isEqualTo(404);
        assertThat(campaigns.figures(campaign).get("status").asString())
                .as("a test sends nothing to the list")
                .isEqualTo("draft");
    }

    private static List<String> codes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.read(response.body())
                .get("errors")
                .valueStream()
                .map(error ->
                        error.get("field").asString() + ":" + error.get("code").asString())
                .toList();
    }
}
