package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.disclosures.Disclosures;
import dev.steward.test.Canary;
import dev.steward.test.Json;
import dev.steward.test.LabCustomers;
import dev.steward.test.SeedForms;
import dev.steward.vault.Identifier;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Operational mail: it reaches everyone the catalog says it concerns, whatever their marketing choices, carries no list
 * headers and no tracking, and waits while a restriction of processing applies.
 */
class OperationalMailTest extends CampaignMailTest {

    @Autowired
    Disclosures disclosures;

    @Test
    void operationalMailReachesEveryAccountHolderWhateverTheirChoicesWithoutListHeadersOrTracking() throws Exception {
        SeedForms.Filled holder = SeedForms.omronAccount();
        SeedForms.Filled optedOut = SeedForms.omronAccount().ticking("special-offers");
        SeedForms.Filled entrant = SeedForms.omronContest().ticking("surveys-and-contests", "special-offers");
        for (SeedForms.Filled filled : List.of(holder, optedOut, entrant)) {
            HttpResponse<String> submitted = http.postJson(filled.apiPath(), filled.json());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        }
        for (SubjectId subject : identities.carrying(Identifier.email(optedOut.email()))) {
            subscribers.record(
                    subject,
                    "omron-healthcare",
                    "special-offers",
                    ConsentAction.WITHDRAWN,
                    CollectionMethod.ACCOUNT_PAGE);
        }

        UUID campaign = campaigns.create(
                "omron-healthcare",
                "operational-notices",
                "Recall of the cuff of model M2",
                "Please stop using the cuff delivered with model M2 and ask us for a free replacement.");
        campaigns.send(campaign);
        starter.run();

        String recall = "Recall of the cuff of model M2";
        assertThat(receivedBy(holder.email(), recall)).hasSize(1);
        assertThat(receivedBy(optedOut.email(), recall))
                .as("declining offers does not stop a recall")
                .hasSize(1);
        assertThat(receivedBy(entrant.email(), recall))
                .as("a contest entry is not an account")
                .isEmpty();
        String raw = raw(receivedBy(optedOut.email(), recall).get(0));
        assertThat(header(raw, "From")).isEqualTo("\"Omronhealthcare.com\" <offers@omronhealthcare.com>");
        assertThat(header(raw, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(raw)
                .doesNotContain("List-Unsubscribe")
                .doesNotContain("List-Id")
                .doesNotContain("/n/" + campaign);
        assertThat(text(receivedBy(optedOut.email(), recall).get(0)))
                .contains("It contains no advertising")
                .contains("Your Account")
                .contains("1925 West Field Court")
                .doesNotContain("Unsubscribe");
        assertThat(campaigns.figures(campaign).get("kind").asString()).isEqualTo("operational");
    }

    @Test
    void operationalMailWaitsWhileARestrictionAppliesAndGoesOnceItIsLifted() {
        String who = "invoiced-" + UUID.randomUUID().toString().substring(0, 8);
        SubjectId customer = new LabCustomers(vault, identities, ledger, disclosures).customer(who);
        restrict("lab", Canary.email(who));

        UUID campaign = campaigns.create("lab", "invoicing", "Our invoices have a new address", body());
        campaigns.send(campaign);
        starter.run();

        assertThat(campaigns.status(campaign, Canary.email(who))).isEqualTo("held null");
        assertThat(receivedBy(Canary.email(who), "Our invoices have a new address"))
                .isEmpty();
        assertThat(campaigns.figures(campaign).get("status").asString()).isEqualTo("sending");

        JsonNode restrictions = Json.read(http.get("/api/v1/admin/restrictions", Campaigns.admin())
                        .body())
                .get("restrictions");
        String restriction = restrictions
                .valueStream()
                .filter(r -> r.get("subject").asString().equals(customer.toString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        assertThat(http.postJson("/api/v1/admin/restrictions/" + restriction + "/lift", "{}", Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        starter.run();

        assertThat(campaigns.status(campaign, Canary.email(who))).isEqualTo("sent null");
        assertThat(receivedBy(Canary.email(who), "Our invoices have a new address"))
                .hasSize(1);
    }

    /**
     * Who an operational mail concerns is decided again as it goes: someone the site erased after the campaign
     * started receives nothing, though the address lives on in a subject of another site (to which erasure passes
     * the message), and a child whose submission waits for the parent's confirmation is nobody's to write to yet.
     */
    @Test
    void operationalMailReachesNobodyTheSiteErasedSinceItStartedNorAChildHeldForTheParent() {
        String who = "left-" + UUID.randomUUID().toString().substring(0, 8);
        LabCustomers lab = new LabCustomers(vault, identities, ledger, disclosures);
        SubjectId customer = lab.customer(who);
        subscribers.confirmed(OLYMPUS, Canary.email(who), "newsletter");
        String child = "held-" + UUID.randomUUID().toString().substring(0, 8);
        SubjectId held = identities.forAddress(Identifier.email(Canary.email(child)));
        vault.store(
                held,
                LabCustomers.invoice(
                        Map.of("email", Canary.email(child), "name", Canary.name(child)), RecordState.AWAITING_PARENT));

        String subjectLine = "Our invoices moved";
        UUID campaign = campaigns.create("lab", "invoicing", subjectLine, body());
        campaigns.send(campaign);
        starter.startDue();
        vault.eraseSubject(customer, "account deleted");
        starter.run();

        assertThat(receivedBy(Canary.email(who), subjectLine)).isEmpty();
        assertThat(campaigns.status(campaign, Canary.email(who))).isEqualTo("skipped erased");
        assertThat(receivedBy(Canary.email(child), subjectLine)).isEmpty();
        assertThat(campaigns.status(campaign, Canary.email(child))).isEqualTo("none");
    }

    @Test
    void bouncesComplaintsAndUnsubscribeMailComeBackThroughTheInboundAddressWithItsSecret() throws Exception {
        String pia = address("pia");
        String quinn = address("quinn");
        String rosa = address("rosa");
        SubjectId quinnSubject = subscribers.confirmed(OLYMPUS, quinn, "newsletter");
        subscribers.confirmed(OLYMPUS, pia, "newsletter");
        subscribers.confirmed(OLYMPUS, rosa, "newsletter");
        UUID campaign = sent(OLYMPUS, "newsletter", "Bounce me");
        String piaId = header(raw(receivedBy(pia).get(0)), "Message-ID");
        String quinnId = header(raw(receivedBy(quinn).get(0)), "Message-ID");

        assertThat(inbound("{\"messageId\":\"" + piaId + "\",\"type\":\"hard\"}", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(inbound("{\"messageId\":\"" + piaId + "\",\"type\":\"hard\"}", "Bearer wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(inbound("{\"messageId\":\"" + piaId + "\",\"type\":\"sideways\"}", bearer())
                        .statusCode())
                .isEqualTo(422);
        // a provider's webhook carries more than Steward reads: that is no reason to refuse it
        assertThat(inbound("{\"messageId\":\"" + piaId + "\",\"type\":\"soft\",\"provider\":\"acme\"}", bearer())
                        .body())
                .contains("soft-bounce");
        assertThat(campaigns.figures(campaign).get("bounced").asInt()).isZero();

        HttpResponse<String> hard = rawInbound(report("delivery-status", "message/delivery-status", """
                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; someone@example.org
                Action: failed
                Status: 5.1.1
                """, piaId));
        assertThat(hard.statusCode()).isEqualTo(202);
        assertThat(hard.body()).contains("hard-bounce");
        assertThat(campaigns.figures(campaign).get("bounced").asInt()).isEqualTo(1);
        assertThat(suppression.contains(Identifier.email(pia))).isTrue();

        HttpResponse<String> complaint = rawInbound(report("feedback-report", "message/feedback-report", """
                Feedback-Type: abuse
                User-Agent: test-fbl/1.0
                Version: 1
                """, quinnId));
        assertThat(complaint.body()).contains("complaint");
        assertThat(campaigns.figures(campaign).get("complaints").asInt()).isEqualTo(1);
        assertThat(last(quinnSubject).action()).isEqualTo(ConsentAction.WITHDRAWN);
        assertThat(last(quinnSubject).method()).isEqualTo("unsubscribe-mail");

        String mail = "From: " + rosa + "\r\nTo: unsubscribe@olympus-ims.com\r\nSubject: unsubscribe "
                + tokenIn(receivedBy(rosa).get(0)) + "\r\n\r\n\r\n";
        assertThat(rawInbound(mail).body()).contains("unsubscribed");

        UUID next = sent(OLYMPUS, "newsletter", "After the bounces");
        assertThat(campaigns.status(next, pia)).isEqualTo("skipped suppressed");
        assertThat(campaigns.status(next, quinn)).isEqualTo("none");
        assertThat(campaigns.status(next, rosa)).isEqualTo("none");
    }

    private HttpResponse<String> inbound(String json, String authorization) {
        return authorization == null
                ? http.postJson(InboundMailController.PATH, json)
                : http.postJson(InboundMailController.PATH, json, "Authorization", authorization);
    }

    private HttpResponse<String> rawInbound(String mail) {
        return http.post(InboundMailController.PATH, "message/rfc822", mail, "Authorization", bearer());
    }

    private static String bearer() {
        return "Bearer " + SECRET;
    }

    /** A multipart/report as mail systems send them, quoting the original message's headers. */
    private static String report(String type, String partType, String fields, String messageId) {
        return "From: MAILER-DAEMON@mx.example.org\r\n"
                + "Subject: Report\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=" + type + "; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n"
                + "--b\r\nContent-Type: " + partType + "\r\n\r\n" + fields.replace("\n", "\r\n") + "\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: newsletter@olympus-ims.com\r\nMessage-ID: " + messageId + "\r\nSubject: Bounce me\r\n\r\n"
                + "--b--\r\n";
    }
}
