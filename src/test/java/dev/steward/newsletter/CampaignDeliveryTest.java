package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.platform.OutboundItem;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Who receives a campaign, decided per message as it goes, and the raw MIME of what they receive.
 */
class CampaignDeliveryTest extends CampaignMailTest {

    @Autowired
    ChunkChecks chunks;

    @Test
    void eachConfirmedPersonGetsOneMultipartMessageWithListHeadersAndNobodyElseGetsOne() throws Exception {
        String ada = address("ada");
        SubjectId adaSubject = subscribers.confirmed(OLYMPUS, ada, "newsletter");
        subscribers.record(adaSubject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        String bob = address("bob");
        subscribers.confirmed(OLYMPUS, bob, "newsletter");
        String carol = address("carol");
        subscribers.confirmed(OLYMPUS, carol, "newsletter");
        subscribers.confirmed(OLYMPUS, carol, "newsletter");
        String dave = address("dave");
        subscribers.given(OLYMPUS, dave, "newsletter");
        String erin = address("erin");
        SubjectId erinSubject = subscribers.confirmed(OLYMPUS, erin, "newsletter");
        String frank = address("frank");
        SubjectId frankSubject = subscribers.confirmed(OLYMPUS, frank, "newsletter");
        String olaf = address("olaf");
        subscribers.record(
                subscribers.confirmed(OLYMPUS, olaf, "newsletter"),
                OLYMPUS,
                "newsletter",
                ConsentAction.WITHDRAWN,
                CollectionMethod.ACCOUNT_PAGE);
        String gina = address("gina");
        subscribers.confirmed(OLYMPUS, gina, "newsletter");
        restrict(OLYMPUS, gina);
        String helen = address("helen");
        subscribers.confirmed(OLYMPUS, helen, "newsletter");
        suppression.add(List.of(Identifier.email(helen)));
        String ivan = address("ivan");
        SubjectId ivanSubject = subscribers.confirmed(OLYMPUS, ivan, "newsletter");
        String jane = address("jane");
        subscribers.confirmed(OLYMPUS, jane, "newsletter");
        SubjectId janeAgain = subscribers.given(OLYMPUS, jane);
        subscribers.record(janeAgain, OLYMPUS, "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.API);

        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Spring news", body());
        campaigns.send(campaign);
        starter.startDue();
        // while the messages wait in the queue, people change their minds: each message is decided as it goes
        subscribers.record(erinSubject, OLYMPUS, "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.ACCOUNT_PAGE);
        subscribers.record(
                frankSubject, OLYMPUS, "newsletter", ConsentAction.OBJECTED, CollectionMethod.PRIVACY_CENTER);
        vault.eraseSubject(ivanSubject, "test: erased while the campaign was queued");
        starter.run();

        for (String everyone : List.of(ada, bob, carol)) {
            assertThat(receivedBy(everyone)).as(everyone).hasSize(1);
        }
        for (String nobody : List.of(dave, erin, frank, gina, helen, ivan, jane, olaf)) {
            assertThat(receivedBy(nobody, "Spring news")).as(nobody).isEmpty();
        }
        assertThat(campaigns.status(campaign, dave)).isEqualTo("skipped awaiting-confirmation");
        assertThat(campaigns.status(campaign, erin)).isEqualTo("skipped consent-withdrawn");
        assertThat(campaigns.status(campaign, frank)).isEqualTo("skipped objected");
        assertThat(campaigns.status(campaign, gina)).isEqualTo("skipped restricted");
        assertThat(campaigns.status(campaign, helen)).isEqualTo("skipped suppressed");
        assertThat(campaigns.status(campaign, ivan))
                .as("erasure cut the message's link to ivan: it stays only as a count")
                .isEqualTo("none");
        assertThat(campaigns.status(campaign, olaf))
                .as("who withdrew before is not addressed")
                .isEqualTo("none");
        assertThat(campaigns.status(campaign, jane))
                .as("the latest word of every subject carrying the address decides")
                .isEqualTo("skipped consent-withdrawn");

        String raw = unfolded(GreenMailUtil.getWholeMessage(receivedBy(ada).get(0)));
        String token = tokenIn(receivedBy(ada).get(0));
        assertThat(header(raw, "From")).isEqualTo("Olympus IMS <newsletter@olympus-ims.com>");
        assertThat(header(raw, "Reply-To")).isEqualTo("info@olympus-ims.com");
        assertThat(header(raw, "To")).isEqualTo(ada);
        assertThat(header(raw, "Subject")).isEqualTo("Spring news");
        assertThat(header(raw, "Date")).isNotBlank();
        assertThat(header(raw, "Message-ID")).matches("<[0-9a-f-]{36}@olympus-ims\\.com>");
        assertThat(header(raw, "List-Unsubscribe"))
                .matches("<https?://[^/>]+/s/olympus-ims/unsubscribe/" + token
                        + ">, <mailto:unsubscribe@olympus-ims\\.com\\?subject=unsubscribe%20" + token + ">");
        assertThat(header(raw, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(raw, "List-Id")).endsWith("<newsletter.olympus-ims.olympus-ims.com>");
        assertThat(header(raw, "Precedence")).isEqualTo("bulk");
        assertThat(header(raw, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(raw, "Content-Type")).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) receivedBy(ada).get(0).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text)
                .contains("Our new ultrasonic flaw detector")
                .contains("Olympus Corporation")
                .contains("Shinjuku Monolith, 3-1 Nishi-Shinjuku 2-chome, Shinjuku-ku")
                .contains("/s/olympus-ims/unsubscribe/" + token);
        assertThat(html)
                .as("ada agreed to the evaluation: a pixel, and links through the redirect")
                .contains("/s/olympus-ims/n/" + campaign + "/o/")
                .contains("/s/olympus-ims/n/" + campaign + "/c/0/")
                .doesNotContain("href=\"" + NEWS + "\"")
                .contains("Tokyo 163-0914");
        String bobs = (String) ((MimeMultipart) receivedBy(bob).get(0).getContent())
                .getBodyPart(1)
                .getContent();
        assertThat(bobs)
                .as("bob did not: no pixel, plain links")
                .doesNotContain("/n/" + campaign)
                .contains("href=\"" + NEWS + "\"");

        JsonNode figures = campaigns.figures(campaign);
        assertThat(figures.get("status").asString()).isEqualTo("sent");
        assertThat(figures.get("skippedBecause").propertyNames())
                .contains(
                        "awaiting-confirmation", "consent-withdrawn", "objected", "restricted", "suppressed", "erased");
    }

    /**
     * The chunk's checks run once, after the claim: whatever changed between the claim and them counts, for each
     * person of the chunk alone. The items are claimed as the queue claims them (the lease taken in the database), then
     * people change their minds, then the chunk is checked as its worker checks it before the first message goes.
     */
    @Test
    void whatChangesBetweenTheClaimAndTheSendingDecidesForEachMessageOfTheChunk() {
        List<String> addresses = new ArrayList<>();
        List<SubjectId> subjects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            addresses.add(address("chunk" + i));
            subjects.add(subscribers.confirmed(OLYMPUS, addresses.get(i), "newsletter"));
        }
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Chunk", body());
        campaigns.send(campaign);
        starter.startDue();
        List<OutboundItem> claimed = jdbc.sql("""
                        UPDATE outbound_item SET lease_id = gen_random_uuid(), leased_by = 'test'
                        WHERE job = 'campaign' AND item IN (SELECT id FROM campaign_message WHERE campaign_id = :campaign)
                        RETURNING item, attempts, interrupted
                        """)
                .param("campaign", campaign)
                .query((rs, row) -> new OutboundItem(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3)))
                .list();
        // the campaign's audience is every confirmed subscriber of the shared context, these 30 among them
        assertThat(claimed).hasSizeGreaterThanOrEqualTo(30);
        // by id, read before the changes: an erasure cuts the message's link to the address
        Map<String, UUID> messages = new HashMap<>();
        addresses.forEach(address -> messages.put(address, campaigns.messageId(campaign, address)));

        subscribers.record(
                subjects.get(3), OLYMPUS, "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.ACCOUNT_PAGE);
        subscribers.record(
                subjects.get(11), OLYMPUS, "newsletter", ConsentAction.OBJECTED, CollectionMethod.PRIVACY_CENTER);
        restrict(OLYMPUS, addresses.get(17));
        suppression.add(List.of(Identifier.email(addresses.get(23))));
        vault.eraseSubject(subjects.get(29), "test: erased after the claim");
        Map<UUID, Verdict> verdicts = chunks.of(claimed).verdicts();

        Map<String, String> expected = Map.of(
                addresses.get(3), "consent-withdrawn",
                addresses.get(11), "objected",
                addresses.get(17), "restricted",
                addresses.get(23), "suppressed",
                addresses.get(29), "erased");
        for (String address : addresses) {
            Verdict verdict = verdicts.get(messages.get(address));
            if (expected.containsKey(address)) {
                assertThat(verdict).as(address).isEqualTo(new Verdict.Skip(expected.get(address)));
            } else {
                assertThat(verdict).as(address).isInstanceOf(Verdict.Send.class);
            }
        }
        jdbc.sql("UPDATE outbound_item SET lease_id = NULL, leased_by = NULL WHERE job = 'campaign'")
                .update();
        starter.run();
        for (String address : addresses) {
            assertThat(receivedBy(address, "Chunk")).as(address).hasSize(expected.containsKey(address) ? 0 : 1);
        }
        assertThat(campaigns.status(campaign, addresses.get(3))).isEqualTo("skipped consent-withdrawn");
    }

    /**
     * A campaign's messages are queued with ids that grow in the order of their subjects' ids, so that the chunks the
     * queue hands out in that order are neighbours in the tables and indexes the send reads and writes.
     */
    @Test
    void aCampaignsMessageIdsFollowItsSubjectsOrder() {
        for (int i = 0; i < 40; i++) {
            subscribers.confirmed(OLYMPUS, address("ordered" + i), "newsletter");
        }
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Ordered", body());
        campaigns.send(campaign);
        starter.startDue();
        List<UUID> bySubject = jdbc.sql("SELECT id FROM campaign_message WHERE campaign_id = :c ORDER BY subject_id")
                .param("c", campaign)
                .query(UUID.class)
                .list();
        List<UUID> byId = jdbc.sql("SELECT id FROM campaign_message WHERE campaign_id = :c ORDER BY id")
                .param("c", campaign)
                .query(UUID.class)
                .list();
        assertThat(bySubject).hasSizeGreaterThanOrEqualTo(40).isEqualTo(byId);
        jdbc.sql("DELETE FROM outbound_item WHERE job = 'campaign' AND item = ANY(:ids)")
                .param("ids", byId.toArray(UUID[]::new))
                .update();
        jdbc.sql("UPDATE campaign_message SET status = 'cancelled' WHERE campaign_id = :c")
                .param("c", campaign)
                .update();
    }

    @Test
    void theStaffConsentHistoryShowsWhereAndWhenASubscriptionWasRegisteredAndConfirmed() {
        String nora = address("nora");
        SubjectId subject = subscribers.confirmed(OLYMPUS, nora, "newsletter");

        JsonNode history = Json.read(http.get(
                                "/api/v1/admin/subjects/" + subject + "/consents",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("events");

        assertThat(history.size()).isEqualTo(2);
        for (JsonNode event : history) {
            assertThat(event.get("ipAddress").asString()).isEqualTo("198.51.100.23");
            assertThat(event.get("occurredAt").asString()).isNotBlank();
        }
        String auditor = StaffUsers.create(jdbc, "AUDITOR", null);
        JsonNode audited = Json.read(
                        http.get("/api/v1/admin/subjects/" + subject + "/consents", StaffUsers.basic(auditor))
                                .body())
                .get("events");
        assertThat(audited.get(0).get("ipAddress").isNull())
                .as("auditors read evidence, not personal data")
                .isTrue();

        String page = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD)
                .get("/admin/subjects/" + subject + "/consents")
                .body();
        assertThat(page)
                .contains("From (IP address, browser)")
                .contains("198.51.100.23, Mozilla/5.0 (subscriber)")
                .contains("a link in an e-mail");
        String auditorsPage = Console.signIn(port, auditor, StaffUsers.PASSWORD)
                .get("/admin/subjects/" + subject + "/consents")
                .body();
        assertThat(auditorsPage).contains("a link in an e-mail").doesNotContain("198.51.100.23");
    }
}
