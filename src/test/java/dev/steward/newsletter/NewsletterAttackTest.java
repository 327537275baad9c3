package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The newsletter attacked as a stranger would: a test send aimed at someone who never subscribed, tracking that goes on
 * after the person's consent stopped covering it, links and bodies crafted to redirect or to run script, line breaks in
 * the subject, and unsubscribe links opened by scanners or pieced together from other messages.
 */
class NewsletterAttackTest extends CampaignMailTest {

    @Autowired
    SuppressionList suppression;

    private static final String PIXEL = "src=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/o/[0-9a-f]{32})\"";
    private static final String CLICK = "href=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/c/0/[0-9a-f]{32})\"";

    @Test
    void aTestSendReachesOnlyTheCompanysOwnAddressesNeverASubscriberOrAStranger() {
        String ola = address("ola");
        subscribers.given(OLYMPUS, ola, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "A test for whom?", body());
        String test = "/api/v1/admin/campaigns/" + campaign + "/test";
        long mails = mails();

        for (String to : List.of(
                ola,
                "someone@example.org",
                "staff@olympus-ims.com.evil.example",
                "staff@evil-olympus-ims.com",
                "staff@olympus-ims.co")) {
            HttpResponse<String> refused = campaigns.post(test, Map.of("to", to));
            assertThat(firstError(refused, "code")).as(to).isEqualTo("not-staff");
            assertThat(Json.read(refused.body())
                            .get("errors")
                            .get(0)
                            .get("message")
                            .asString())
                    .as("the person reads where a test may go")
                    .contains("olympus-ims.com");
        }
        assertThat(mails()).as("nothing was queued for any of them").isEqualTo(mails);

        assertThat(campaigns
                        .post(test, Map.of("to", "Marketing@Olympus-IMS.com"))
                        .statusCode())
                .as("the sender's domain, whatever its case")
                .isEqualTo(202);
        assertThat(mails()).isEqualTo(mails + 1);
    }

    /**
     * An address at the sender's domain may still be a person's: a member of staff who is a customer too, who
     * unsubscribed or asked to be erased. A test is filed under staff and would reach them past consent, restriction
     * and suppression; the same mailbox under a +tag too (attack19 F2).
     */
    @Test
    void aTestSendNeverGoesToAPersonAtTheCompanysDomain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String unsubscribed = "una-" + tag + "@olympus-ims.com";
        SubjectId una = subscribers.given(OLYMPUS, unsubscribed, "newsletter");
        subscribers.record(una, OLYMPUS, "newsletter", ConsentAction.WITHDRAWN, CollectionMethod.EMAIL_LINK);
        String erased = "era-" + tag + "@olympus-ims.com";
        suppression.add(List.of(Identifier.email(erased)));
        String elsewhere = "lab-" + tag + "@olympus-ims.com";
        subscribers.given("lab", elsewhere, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "A test for a person?", body());
        String test = "/api/v1/admin/campaigns/" + campaign + "/test";
        long mails = mails();

        for (String to : List.of(
                unsubscribed, "UNA-" + tag + "@Olympus-IMS.com", "una-" + tag + "+test@olympus-ims.com", erased)) {
            assertThat(firstError(campaigns.post(test, Map.of("to", to)), "code"))
                    .as(to)
                    .isEqualTo("a-person");
        }
        assertThat(mails()).as("nothing was queued for any of them").isEqualTo(mails);

        assertThat(campaigns.post(test, Map.of("to", elsewhere)).statusCode())
                .as("known on another site only: refusing would tell a member of this site that it is known there")
                .isEqualTo(202);
        assertThat(campaigns
                        .post(test, Map.of("to", "desk-" + tag + "@olympus-ims.com"))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void opensAndClicksAreNotRecordedWhileARestrictionAppliesThoughTheLinksStillLeadOn() {
        String pia = address("pia");
        SubjectId subject = subscribers.confirmed(OLYMPUS, pia, "newsletter");
        subscribers.record(subject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        UUID campaign = sent(OLYMPUS, "newsletter", "Tracked, then restricted");
        String html = html(receivedBy(pia, "Tracked, then restricted").get(0));
        String pixel = path(html, PIXEL);
        String click = path(html, CLICK);
        String pseudonym = pixel.substring(pixel.length() - 32);
        assertThat(new Http(port).get(pixel).statusCode()).isEqualTo(200);
        assertThat(events(pseudonym)).isEqualTo(1);

        restrict(OLYMPUS, pia);

        assertThat(new Http(port).get(pixel).statusCode()).isEqualTo(200);
        HttpResponse<String> clicked = new Http(port).get(click);
        assertThat(clicked.statusCode())
                .as("the link still leads where it said")
                .isEqualTo(302);
        assertThat(clicked.headers().firstValue("Location")).contains(NEWS);
        assertThat(events(pseudonym))
                .as("restricted processing records no new open or click")
                .isEqualTo(1);
        assertThat(campaigns.figures(campaign).get("clicked").asInt()).isZero();
    }

    @Test
    void noLinkTrickInTheBodyOrTheAddressMakesTheClickAnOpenRedirect() {
        for (String link : List.of(
                "//evil.example/",
                "\\\\evil.example/",
                "https:\\\\evil.example/",
                "/\\evil.example/",
                "<https:/\\evil.example/>",
                "JaVaScRiPt:alert(1)",
                "javascript&#58;alert(1)",
                "java%0Ascript:alert(1)",
                "<javascript:alert(1)>",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)")) {
            HttpResponse<String> answer = campaigns.compose(
                    OLYMPUS, "newsletter", "Links", "[click](" + link + ") and ![image](" + link + ")");
            if (answer.statusCode() == 201) {
                assertThat(Json.read(answer.body()).get("links").valueStream())
                        .as(link + ": a campaign that took it has no such place to redirect to")
                        .allSatisfy(taken -> assertThat(taken.asString()).startsWith("https://www."));
            } else {
                assertThat(answer.statusCode()).as(link).isEqualTo(422);
                assertThat(answer.body()).as(link).contains("unsafe-link");
            }
        }

        String qiu = address("qiu");
        SubjectId subject = subscribers.confirmed(OLYMPUS, qiu, "newsletter");
        subscribers.record(subject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        UUID campaign = sent(OLYMPUS, "newsletter", "Where links lead");
        String click = path(html(receivedBy(qiu, "Where links lead").get(0)), CLICK);
        UUID other = campaigns.create(OLYMPUS, "newsletter", "Another", "[elsewhere](https://elsewhere.example/)");

        for (String tampered : List.of(
                click.replace("/c/0/", "/c/1/"),
                click.replace("/c/0/", "/c/-1/"),
                click.replace("/c/0/", "/c/%2F%2Fevil.example/"),
                click.replace("/c/0/", "/c/0%2F%2Fevil.example/"),
                click.replace("/c/0/", "/c/https:%2F%2Fevil.example/"),
                click.replace("/c/0/", "/c/1000/"),
                click.replace("/s/olympus-ims/", "/s/omron-healthcare/"),
                click + "/..%2F..%2F..%2Fevil.example")) {
            HttpResponse<String> answer = new Http(port).get(tampered);
            assertThat(answer.headers().firstValue("Location")).as(tampered).isEmpty();
            assertThat(answer.statusCode()).as(tampered).isIn(400, 404);
        }
        HttpResponse<String> elsewhere = new Http(port).get(click.replace(campaign.toString(), other.toString()));
        assertThat(elsewhere.headers().firstValue("Location"))
                .as("another campaign's link is that campaign's own, never one the address names")
                .contains("https://elsewhere.example/");
        assertThat(new Http(port)
                        .get(click.replace("/c/0/", "/c/00/"))
                        .headers()
                        .firstValue("Location"))
                .contains(NEWS);
    }

    @Test
    void neitherTheBodyNorTheSubjectLinePutsScriptIntoTheHtmlPart() {
        String rae = address("rae");
        subscribers.confirmed(OLYMPUS, rae, "newsletter");
        String subjectLine = "</title><script>alert(1)</script>";
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", subjectLine, """
                <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                [ok](https://www.olympus-ims.com/ "x\\" onmouseover=\\"alert(1)")

                <a href="javascript:alert(1)">raw</a> <iframe src="https://evil.example"></iframe>
                """);
        campaigns.send(campaign);
        starter.run();

        MimeMessage message = receivedBy(rae, subjectLine).get(0);
        String html = html(message);
        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img src=x")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<a href=\"javascript:")
                .doesNotContain("\" onmouseover=\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void noLineBreakOfAnyKindInTheSubjectLineAddsAHeader() {
        for (String subjectLine : List.of("Hi\r\nBcc: all@example.org", "Hi\nBcc: all@example.org", "Hi\rBcc: x")) {
            HttpResponse<String> refused = campaigns.compose(OLYMPUS, "newsletter", subjectLine, body());
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("line-break");
        }
        UUID draft = campaigns.create(OLYMPUS, "newsletter", "Fine", body());
        HttpResponse<String> changed = new Http(port)
                .patchJson(
                        "/api/v1/admin/campaigns/" + draft,
                        "{\"subjectLine\":\"Fine\\r\\nBcc: all@example.org\"}",
                        Campaigns.admin());
        assertThat(changed.statusCode()).as("nor when a draft is changed").isEqualTo(422);

        String sam = address("sam");
        subscribers.confirmed(OLYMPUS, sam, "newsletter");
        String unusual = "Hi\u2028Bcc: all@example.org\u0085X-Evil: 1\u000BX-Evil: 2";
        sent(OLYMPUS, "newsletter", unusual);

        String raw = raw(receivedBy(sam, unusual).get(0));
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(headers.lines().filter(line -> line.startsWith("Bcc") || line.startsWith("X-Evil")))
                .as("other line separators are encoded in the subject, never a header of their own")
                .isEmpty();
    }

    @Test
    void neitherAScannersGetNorHeadNorATokenPiecedFromTwoMessagesUnsubscribesAnyone() {
        String tia = address("tia");
        String uli = address("uli");
        SubjectId tiaSubject = subscribers.confirmed(OLYMPUS, tia, "newsletter");
        SubjectId uliSubject = subscribers.confirmed(OLYMPUS, uli, "newsletter");
        sent(OLYMPUS, "newsletter", "Two readers");
        String tiaToken = tokenIn(receivedBy(tia, "Two readers").get(0));
        String uliToken = tokenIn(receivedBy(uli, "Two readers").get(0));
        int tiaEvents = ledger.history(tiaSubject).size();
        int uliEvents = ledger.history(uliSubject).size();
        String tiaLink = "/s/olympus-ims/unsubscribe/" + tiaToken;

        assertThat(new Http(port).get(tiaLink).statusCode()).isEqualTo(200);
        assertThat(new Http(port).send("HEAD", tiaLink).statusCode()).isEqualTo(200);
        assertThat(new Http(port).get(tiaLink + "/confirm").statusCode()).isIn(404, 405);
        // uli's message id with tia's MAC, and the other way round; padding and another alphabet; the same bytes with
        // the last character's unused low bit set
        String swapped = uliToken.substring(0, 21) + tiaToken.substring(21);
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = tiaToken.charAt(tiaToken.length() - 1);
        for (String forged : List.of(
                swapped,
                tiaToken.substring(0, tiaToken.length() - 1) + base64url.charAt(base64url.indexOf(last) ^ 1),
                tiaToken.substring(0, 21) + uliToken.substring(21),
                tiaToken.replace('-', '+').replace('_', '/'),
                tiaToken.substring(0, 42),
                tiaToken + "A")) {
            if (!forged.equals(tiaToken)) {
                assertThat(new Http(port)
                                .postForm(
                                        "/s/olympus-ims/unsubscribe/" + forged, Map.of("List-Unsubscribe", "One-Click"))
                                .statusCode())
                        .as(forged + ": not a token (a '/' makes it another address, refused without CSRF token)")
                        .isIn(400, 403, 404);
            }
        }
        assertThat(ledger.history(tiaSubject))
                .as("a scanner, a HEAD, a forged token")
                .hasSize(tiaEvents);
        assertThat(ledger.history(uliSubject)).hasSize(uliEvents);
        assertThat(last(tiaSubject).action()).isEqualTo(ConsentAction.CONFIRMED);

        assertThat(new Http(port)
                        .postForm(tiaLink, Map.of("List-Unsubscribe", "One-Click"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(last(tiaSubject).action()).isEqualTo(ConsentAction.WITHDRAWN);
        assertThat(ledger.history(uliSubject)).as("tia's link is tia's alone").hasSize(uliEvents);
    }

    private long events(String pseudonym) {
        return count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym);
    }

    private long mails() {
        return jdbc.sql("SELECT count(*) FROM mail_message").query(Long.class).single();
    }

    /** A field of the refusal's first error; the refusal must be a 422. */
    private static String firstError(HttpResponse<String> refused, String field) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return Json.read(refused.body()).get("errors").get(0).get(field).asString();
    }
}
