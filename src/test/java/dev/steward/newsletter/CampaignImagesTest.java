package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pictures attached to a campaign travel inside its messages (multipart/related, shown through cid: addresses), so
 * a newsletter can show pictures while opening it fetches nothing (seed 001 §3.4: tracking only with consent). What
 * is attached is checked by its bytes, its name and its size, and only a draft's pictures change.
 */
class CampaignImagesTest extends CampaignMailTest {

    @Autowired
    DataSource dataSource;

    private static final Pattern SOURCE = Pattern.compile("<img src=\"cid:([^\"]+)\" alt=\"([^\"]*)\"");

    @Test
    void aPictureGoesInsideTheMessageAsARelatedPartTheHtmlNamesAndTheTextShowsItsAlternativeText() throws Exception {
        String ada = address("ada");
        subscribers.confirmed(OLYMPUS, ada, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Pictured news", body());
        byte[] picture = Campaigns.png(0x336699);
        HttpResponse<String> attached = campaigns.attach(campaign, null, "detector.png", picture);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(Json.read(attached.body()).get("markdown").asString()).isEqualTo("![detector](cid:detector.png)");
        HttpResponse<String> changed = http.patchJson(
                "/api/v1/admin/campaigns/" + campaign,
                "{\"body\":\"# Spring news\\n\\n![The new detector](cid:detector.png)\\n\\n[Read more](" + NEWS
                        + ")\\n\"}",
                Campaigns.admin());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        campaigns.send(campaign);
        starter.run();

        assertPictureInside(receivedBy(ada, "Pictured news").get(0), picture);
    }

    @Test
    void aTestSendToStaffCarriesThePicturesAsThePeopleWillReceiveThem() throws Exception {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Pictured test", body());
        byte[] picture = Campaigns.png(0x663399);
        assertThat(campaigns.attach(campaign, null, "detector.png", picture).statusCode())
                .isEqualTo(201);
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"# Spring news\\n\\n![The new detector](cid:detector.png)\\n\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        String staff = "pictures-team@olympus-ims.com";

        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/test", Map.of("to", staff))
                        .statusCode())
                .isEqualTo(202);

        assertPictureInside(awaitMessageTo(staff), picture);
    }

    /**
     * The message is text and, as its alternative, the HTML related to the picture its cid: address names, under that
     * Content-ID, inline, with the bytes uploaded; the text shows the alternative text instead.
     */
    private static void assertPictureInside(MimeMessage message, byte[] picture) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(new ContentType(alternative.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart text = alternative.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat((String) text.getContent()).contains("The new detector").doesNotContain("cid:");

        BodyPart htmlSide = alternative.getBodyPart(1);
        ContentType relatedType = new ContentType(htmlSide.getContentType());
        assertThat(relatedType.getBaseType()).isEqualTo("multipart/related");
        assertThat(relatedType.getParameter("type")).isEqualTo("text/html");
        MimeMultipart related = (MimeMultipart) htmlSide.getContent();
        assertThat(related.getCount()).isEqualTo(2);
        BodyPart html = related.getBodyPart(0);
        assertThat(html.isMimeType("text/html")).isTrue();
        Matcher source = SOURCE.matcher((String) html.getContent());
        assertThat(source.find()).as((String) html.getContent()).isTrue();
        assertThat(source.group(2)).isEqualTo("The new detector");

        MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
        assertThat(image.isMimeType("image/png")).isTrue();
        assertThat(image.getContentID())
                .as("the Content-ID the HTML's cid: address names")
                .isEqualTo("<" + source.group(1) + ">")
                .startsWith("<detector.png@");
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(image.getFileName()).isEqualTo("detector.png");
        assertThat(image.getEncoding()).isEqualTo("base64");
        try (InputStream in = image.getInputStream()) {
            assertThat(in.readAllBytes()).as("the bytes uploaded").isEqualTo(picture);
        }
        assertThat((String) html.getContent())
                .as("nothing is fetched to show the message")
                .doesNotContain("src=\"http");
    }

    @Test
    void operationalMailCarriesPicturesTooAndThePreviewNamesThem() {
        UUID recall = campaigns.create("omron-healthcare", "operational-notices", "Recall", "Please stop using it.");
        assertThat(campaigns
                        .attach(recall, "cuff", "cuff.png", Campaigns.png(0x990000))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + recall,
                                "{\"body\":\"Please stop using this cuff:\\n\\n![The recalled cuff](cid:cuff)\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        JsonNode preview = Json.read(http.get("/api/v1/admin/campaigns/" + recall + "/preview", Campaigns.admin())
                .body());
        assertThat(preview.get("html").asString())
                .containsPattern("<img src=\"cid:cuff@[^\"]+\" alt=\"The recalled cuff\"");
        assertThat(preview.get("text").asString()).contains("The recalled cuff").doesNotContain("cid:");
    }

    @Test
    void whatIsNotAPictureTooLargeBadlyNamedOrNamedTwiceIsRefusedAndNothingIsStored() {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Refusals", body());

        HttpResponse<String> text = campaigns.attach(
                campaign, "photo.png", "photo.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertThat(error(text, 422)).containsEntry("file", "not-an-image");

        byte[] big = Arrays.copyOf(Campaigns.png(0), 600 * 1024);
        assertThat(error(campaigns.attach(campaign, "big.png", "big.png", big), 422))
                .containsEntry("file", "too-large");

        for (String name : List.of("a\r\nContent-Type: text/html", "a\"b.png", "<x>", ".hidden", "a b.png")) {
            assertThat(error(campaigns.attach(campaign, name, "x.png", Campaigns.png(1)), 422))
                    .as(name)
                    .containsEntry("name", "invalid");
        }
        assertThat(campaigns
                        .attach(campaign, null, "Team photo (final).PNG", Campaigns.png(2))
                        .body())
                .as("a file's own name is made safe")
                .contains("\"name\":\"Team-photo-final-.PNG\"");
        assertThat(campaigns
                        .attach(campaign, "one.png", "x.png", Campaigns.png(3))
                        .statusCode())
                .isEqualTo(201);
        assertThat(error(campaigns.attach(campaign, "one.png", "x.png", Campaigns.png(4)), 422))
                .containsEntry("name", "taken");

        byte[] half = Arrays.copyOf(Campaigns.png(5), 512 * 1024);
        assertThat(campaigns.attach(campaign, "half.png", "x.png", half).statusCode())
                .isEqualTo(201);
        assertThat(error(campaigns.attach(campaign, "more.png", "x.png", half), 422))
                .as("the campaign's pictures together")
                .containsEntry("file", "campaign-full");

        List<JsonNode> listed = Json.read(http.get("/api/v1/admin/campaigns/" + campaign + "/images", Campaigns.admin())
                        .body())
                .valueStream()
                .toList();
        assertThat(listed.stream().map(image -> image.get("name").asString()))
                .containsExactlyInAnyOrder("Team-photo-final-.PNG", "half.png", "one.png");
        JsonNode one = listed.stream()
                .filter(image -> image.get("name").asString().equals("one.png"))
                .findFirst()
                .orElseThrow();
        assertThat(one.get("size").asInt()).isEqualTo(Campaigns.png(3).length);
        assertThat(one.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(one.get("markdown").asString()).isEqualTo("![one](cid:one.png)");
        HttpResponse<byte[]> read =
                http.download("/api/v1/admin/campaigns/" + campaign + "/images/one.png", Campaigns.admin());
        assertThat(read.body()).isEqualTo(Campaigns.png(3));
        assertThat(read.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void aBodyNamingAPictureTheCampaignDoesNotHaveIsRefusedOnSavingAndOnSending() {
        HttpResponse<String> composed = campaigns.compose(OLYMPUS, "newsletter", "Unknown", "Hi\n\n![x](cid:nope.png)");
        assertThat(error(composed, 422)).containsEntry("body", "unknown-image");
        assertThat(composed.body()).contains("nope.png").contains("line 3");

        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Unknown", body());
        assertThat(campaigns
                        .attach(campaign, "kept.png", "x.png", Campaigns.png(6))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> changed = http.patchJson(
                "/api/v1/admin/campaigns/" + campaign,
                "{\"body\":\"![a](cid:kept.png) ![b](cid:other.png)\"}",
                Campaigns.admin());
        assertThat(error(changed, 422)).containsEntry("body", "unknown-image");
        assertThat(changed.body()).contains("other.png").doesNotContain("kept.png");
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"![a](cid:kept.png)\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> deleted =
                http.send("DELETE", "/api/v1/admin/campaigns/" + campaign + "/images/kept.png", Campaigns.admin());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(Json.read(deleted.body())
                        .get("missingPictures")
                        .get(0)
                        .get("code")
                        .asString())
                .as("the body still names it")
                .isEqualTo("unknown-image");
        assertThat(deleted.body()).contains("kept.png");
        assertThat(campaigns
                        .detail(campaign)
                        .get("missingPictures")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("kept.png");
        HttpResponse<String> sent = campaigns.post("/api/v1/admin/campaigns/" + campaign + "/send", Map.of());
        assertThat(error(sent, 422)).as("deleted after the body was saved").containsEntry("body", "unknown-image");
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("draft");
        assertThat(http.download("/api/v1/admin/campaigns/" + campaign + "/images/kept.png", Campaigns.admin())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherSitesOfficerFindsNoPictureToListReadAddOrDelete() {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Olympus only", body());
        assertThat(campaigns
                        .attach(campaign, "a.png", "a.png", Campaigns.png(10))
                        .statusCode())
                .isEqualTo(201);
        String[] omron = StaffUsers.basic(StaffUsers.add(port, "PRIVACY_OFFICER", "omron-healthcare"));
        String images = "/api/v1/admin/campaigns/" + campaign + "/images";

        assertThat(http.get(images, omron).statusCode()).isEqualTo(404);
        assertThat(http.download(images + "/a.png", omron).statusCode()).isEqualTo(404);
        assertThat(campaigns
                        .attach(campaign, "b.png", "b.png", Campaigns.png(11), omron)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.send("DELETE", images + "/a.png", omron).statusCode()).isEqualTo(404);
        assertThat(http.download(images + "/a.png", Campaigns.admin()).statusCode())
                .as("still there, and nothing added")
                .isEqualTo(200);
        assertThat(http.get(images, Campaigns.admin()).body()).doesNotContain("b.png");
    }

    @Test
    void onlyADraftsPicturesChangeAndOnlyStaffWhoComposeMayChangeThem() {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Fixed", body());
        assertThat(campaigns
                        .attach(campaign, "a.png", "a.png", Campaigns.png(7))
                        .statusCode())
                .isEqualTo(201);

        String auditor = StaffUsers.add(port, "AUDITOR", null);
        assertThat(campaigns
                        .attach(campaign, "b.png", "b.png", Campaigns.png(8), StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.send(
                                "DELETE",
                                "/api/v1/admin/campaigns/" + campaign + "/images/a.png",
                                StaffUsers.basic(auditor))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/campaigns/" + campaign + "/images", StaffUsers.basic(auditor))
                        .statusCode())
                .as("auditors read what campaigns carry")
                .isEqualTo(200);

        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + campaign + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> late = campaigns.attach(campaign, "b.png", "b.png", Campaigns.png(9));
        assertThat(error(late, 409)).containsEntry("status", "not-a-draft");
        assertThat(error(
                        http.send("DELETE", "/api/v1/admin/campaigns/" + campaign + "/images/a.png", Campaigns.admin()),
                        409))
                .containsEntry("status", "not-a-draft");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_image WHERE campaign_id = :id")
                        .param("id", campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * A picture deleted while the campaign is being scheduled: its deletion holds the campaign's row, and scheduling
     * reads the body and the pictures only once it has the row, so the campaign stays a draft and the send is refused
     * with the picture named. Before, scheduling read the pictures first and went on to schedule a campaign whose body
     * named a picture deleted in between, which its people would have received as a broken picture.
     */
    @Test
    void aPictureDeletedWhileTheCampaignIsBeingScheduledIsRefusedToTheScheduling() throws Exception {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Raced", body());
        assertThat(campaigns
                        .attach(campaign, "raced.png", "x.png", Campaigns.png(12))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"![Raced](cid:raced.png)\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> sent;
        try (Connection deletion = dataSource.getConnection()) {
            // what a deletion does in its transaction, held open: the campaign's row locked, the picture gone
            deletion.setAutoCommit(false);
            try (PreparedStatement lock =
                            deletion.prepareStatement("SELECT status FROM campaign WHERE id = ? FOR UPDATE");
                    PreparedStatement delete = deletion.prepareStatement(
                            "DELETE FROM campaign_image WHERE campaign_id = ? AND name = 'raced.png'")) {
                lock.setObject(1, campaign);
                lock.executeQuery().close();
                delete.setObject(1, campaign);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<HttpResponse<String>> sending = CompletableFuture.supplyAsync(
                    () -> campaigns.post("/api/v1/admin/campaigns/" + campaign + "/send", Map.of()));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                            + " AND datname = current_database()")
                                    .query(Long.class)
                                    .single()
                            > 0);
            deletion.commit();
            sent = sending.get(20, TimeUnit.SECONDS);
        }

        assertThat(error(sent, 422)).containsEntry("body", "unknown-image");
        assertThat(sent.body()).contains("raced.png");
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("draft");
    }

    /**
     * In the console as over the API: a draft may lose a picture its body names, and its page then says which picture
     * the preview shows as its alternative text and that the campaign cannot be sent so; a scheduled campaign's
     * picture is not deleted (409 over the API, the same error on the page), so what goes out is what was previewed.
     */
    @Test
    void aDraftMayLoseAPictureItsBodyNamesAndItsPageSaysSoWhileAScheduledCampaignKeepsItsPictures() {
        UUID draft = named("Losing", "kept.png");
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = "/admin/campaigns/" + draft;
        assertThat(admin.get(page).body()).doesNotContain("id=\"missing-pictures\"");

        assertThat(admin.submit(page, page + "/images/kept.png/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String shown = admin.get(page).body();
        assertThat(shown)
                .contains("id=\"missing-pictures\"")
                .contains("cid:kept.png")
                .contains("line 3")
                .contains("cannot be sent");
        assertThat(admin.get(page + "/preview.html").body())
                .as("the preview shows the alternative text, not a broken picture")
                .contains("The kept one")
                .doesNotContain("<img");

        UUID scheduled = named("Kept", "fixed.png");
        HttpResponse<String> later =
                campaigns.post("/api/v1/admin/campaigns/" + scheduled + "/send", Map.of("at", "2099-01-01T00:00:00Z"));
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        String scheduledPage = "/admin/campaigns/" + scheduled;
        assertThat(admin.submit(scheduledPage, scheduledPage + "/images/fixed.png/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get(scheduledPage).body())
                .contains("Only a draft can be changed; this campaign is")
                .doesNotContain("id=\"missing-pictures\"");
        assertThat(error(
                        http.send(
                                "DELETE",
                                "/api/v1/admin/campaigns/" + scheduled + "/images/fixed.png",
                                Campaigns.admin()),
                        409))
                .containsEntry("status", "not-a-draft");
        assertThat(http.download("/api/v1/admin/campaigns/" + scheduled + "/images/fixed.png", Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(campaigns
                        .post("/api/v1/admin/campaigns/" + scheduled + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    /** A draft with the picture attached under the name given, which its body shows on line 3. */
    private UUID named(String subjectLine, String picture) {
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", subjectLine, body());
        assertThat(campaigns
                        .attach(campaign, picture, "x.png", Campaigns.png(13))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"# News\\n\\n![The kept one](cid:" + picture + ")\\n\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        return campaign;
    }

    /** The answer's errors as field and code, after checking its status. */
    private static Map<String, String> error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Json.read(response.body())
                .get("errors")
                .valueStream()
                .forEach(error -> errors.putIfAbsent(
                        error.get("field").asString(), error.get("code").asString()));
        return errors;
    }
}
