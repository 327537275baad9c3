package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Pages;
import dev.steward.test.Visitor;
import dev.steward.vault.SubjectId;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One-click unsubscribe (RFC 8058), the unsubscribe page, and tracking that turns anonymous when the person leaves.
 */
class UnsubscribeAndTrackingTest extends CampaignMailTest {

    @Test
    void aOneClickPostUnsubscribesAtOnceWithoutCookiesAndStopsMessagesAlreadyQueued() throws Exception {
        String kim = address("kim");
        SubjectId first = subscribers.confirmed(OLYMPUS, kim, "newsletter");
        SubjectId second = subscribers.confirmed(OLYMPUS, kim, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Issue one", body());
        campaigns.send(campaign);
        starter.run();
        String token = tokenIn(receivedBy(kim).get(0));
        UUID next = campaigns.create(OLYMPUS, "newsletter", "Issue two", body());
        campaigns.send(next);
        starter.startDue();
        assertThat(campaigns.status(next, kim)).isEqualTo("queued null");

        HttpResponse<String> unsubscribed =
                new Http(port).postForm("/s/olympus-ims/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(unsubscribed.headers().firstValue("Location")).isEmpty();
        assertThat(unsubscribed.headers().firstValue("Set-Cookie")).isEmpty();
        for (SubjectId subject : List.of(first, second)) {
            ConsentEvent withdrawal = last(subject);
            assertThat(withdrawal.action()).isEqualTo(ConsentAction.WITHDRAWN);
            assertThat(withdrawal.method()).isEqualTo("one-click");
            assertThat(withdrawal.evidenceRef()).startsWith("campaign-message:");
            assertThat(ledger.evidence(withdrawal).orElseThrow().ipAddress()).isNotBlank();
        }
        int events = ledger.history(first).size();
        assertThat(new Http(port)
                        .postForm("/s/olympus-ims/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(ledger.history(first)).as("a second click changes nothing").hasSize(events);

        starter.run();
        assertThat(receivedBy(kim)).as("the queued issue two never goes").hasSize(1);
        assertThat(campaigns.status(next, kim)).isEqualTo("skipped consent-withdrawn");
        assertThat(campaigns.figures(campaign).get("unsubscribed").asInt()).isEqualTo(1);
        assertThat(new Http(port)
                        .postForm("/s/olympus-ims/unsubscribe/" + token.substring(1) + "A", Map.of())
                        .statusCode())
                .as("a made-up token")
                .isEqualTo(404);
        assertThat(new Http(port)
                        .postForm("/s/omron-healthcare/unsubscribe/" + token, Map.of())
                        .statusCode())
                .as("another site's path")
                .isEqualTo(404);
    }

    /**
     * Mail programs and link scanners may send the one-click POST more than once, at the same moment: the person is
     * unsubscribed once, with one withdrawal on record and one in the campaign's figures.
     */
    @Test
    void oneClickPostsSentAtOnceUnsubscribeOnce() throws Exception {
        String max = address("max");
        SubjectId subject = subscribers.confirmed(OLYMPUS, max, "newsletter");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Clicked at once", body());
        campaigns.send(campaign);
        starter.run();
        String path = "/s/olympus-ims/unsubscribe/" + tokenIn(receivedBy(max).get(0));
        int before = ledger.history(subject).size();

        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(CompletableFuture.supplyAsync(
                    () -> new Http(port).postForm(path, Map.of("List-Unsubscribe", "One-Click"))));
        }
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            assertThat(post.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }

        assertThat(ledger.history(subject)
                        .subList(before, ledger.history(subject).size()))
                .extracting(ConsentEvent::action)
                .containsExactly(ConsentAction.WITHDRAWN);
        assertThat(campaigns.figures(campaign).get("unsubscribed").asInt()).isEqualTo(1);
    }

    @Test
    void theLinkOpenedInABrowserShowsAButtonAndTheOtherListsAndOpeningItChangesNothing() throws Exception {
        String lea = address("lea");
        SubjectId subject = subscribers.confirmed(OLYMPUS, lea, "newsletter", "group-promotions");
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "For Lea", body());
        campaigns.send(campaign);
        starter.run();
        String page = "/s/olympus-ims/unsubscribe/" + tokenIn(receivedBy(lea).get(0));
        int events = ledger.history(subject).size();

        Http browser = new Http(port);
        HttpResponse<String> opened = browser.get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Cache-Control"))
                .as("the address is the secret: kept out of caches, referrers and indexes")
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(opened.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(opened.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(opened.body())
                .contains("<button type=\"submit\">Unsubscribe</button>")
                .contains("You are subscribed to: <strong>Sending you our newsletter")
                .contains("Promotional e-mails from Olympus Group Entities for certain goods and services");
        assertThat(browser.get(page, "Accept-Language", "de").body())
                .as("in the language the visitor reads the site in, the lists' names too")
                .contains("<html lang=\"de\"")
                .contains("<button type=\"submit\">Abmelden</button>")
                .contains("Sie sind angemeldet für: <strong>Versand unseres Newsletters")
                .contains("Werbe-E-Mails von Unternehmen der Olympus-Gruppe")
                .doesNotContain("You are subscribed to");
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        assertThat(ledger.history(subject))
                .as("opening the page, even twice, changes nothing")
                .hasSize(events);
        HttpResponse<String> noToken = new Http(port).postForm(page + "/confirm", Map.of());
        assertThat(noToken.statusCode())
                .as("the page's button needs its CSRF token; without, back to the page")
                .isEqualTo(303);
        assertThat(noToken.headers().firstValue("Location")).hasValue(page);
        assertThat(ledger.history(subject)).hasSize(events);

        HttpResponse<String> done =
                new Visitor(port).submit(page, page + "/confirm", Map.of("also", "group-promotions"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(Pages.text(done.body()))
                .as("Olympus declares no operational mail: no product recall promised (that is Omron's)")
                .contains("Answers to your own questions and requests, and messages about your account, still reach"
                        + " you.")
                .doesNotContain("product recall")
                .doesNotContain("Operational e-mail");
        assertThat(ledger.history(subject)
                        .subList(events, ledger.history(subject).size()))
                .extracting(ConsentEvent::purpose, event -> event.action().key(), ConsentEvent::method)
                .containsExactlyInAnyOrder(
                        tuple("newsletter", "withdrawn", "email-link"),
                        tuple("group-promotions", "withdrawn", "email-link"));
    }

    /**
     * The page after unsubscribing said "such as a product recall" on every site: Omron's operational mail (seed 002:
     * "operational emails … or to announce product recalls"), promised also on Olympus, which declares none. It names
     * the operational mail the site's catalog declares, by its purpose, and none where there is none.
     */
    @Test
    void theUnsubscribedPageNamesTheOperationalMailTheSiteDeclares() throws Exception {
        String ole = address("ole");
        subscribers.confirmed("omron-healthcare", ole, "special-offers");
        UUID campaign = campaigns.create("omron-healthcare", "special-offers", "Offers for Ole", body());
        campaigns.send(campaign);
        starter.run();
        String page =
                "/s/omron-healthcare/unsubscribe/" + tokenIn(receivedBy(ole).get(0));

        HttpResponse<String> done = new Visitor(port).submit(page, page + "/confirm", Map.of());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Pages.text(done.body()))
                .contains("Operational e-mail may reach you too, whatever your choices: Operational e-mails to inform"
                        + " you of any changes to our site that might affect your personal information, or to announce"
                        + " product recalls");
    }

    @Test
    void opensAndClicksArePseudonymousRedirectOnlyToTheCampaignsLinksAndBecomeAnonymousOnUnsubscribing()
            throws Exception {
        String mia = address("mia");
        SubjectId miaSubject = subscribers.confirmed(OLYMPUS, mia, "newsletter");
        subscribers.record(miaSubject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        UUID campaign = campaigns.create(OLYMPUS, "newsletter", "Tracked", body());
        campaigns.send(campaign);
        starter.run();
        String html = (String) ((MimeMultipart) receivedBy(mia).get(0).getContent())
                .getBodyPart(1)
                .getContent();
        String pixel = path(html, "src=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/o/[0-9a-f]{32})\"");
        String click = path(html, "href=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/c/0/[0-9a-f]{32})\"");
        String pseudonym = pixel.substring(pixel.length() - 32);

        assertThat(new Http(port).send("HEAD", pixel).statusCode()).isEqualTo(200);
        HttpResponse<String> looked = new Http(port).send("HEAD", click);
        assertThat(looked.statusCode()).isEqualTo(302);
        assertThat(looked.headers().firstValue("Location")).contains(NEWS);
        assertThat(count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .as("a mail scanner's HEAD is neither an open nor a click")
                .isZero();

        HttpResponse<String> opened = new Http(port).get(pixel);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).contains("image/gif");
        HttpResponse<String> clicked = new Http(port).get(click);
        assertThat(clicked.statusCode()).isEqualTo(302);
        assertThat(clicked.headers().firstValue("Location")).contains(NEWS);
        assertThat(new Http(port).get(click.replace("/c/0/", "/c/7/")).statusCode())
                .as("no link 7 in the campaign: nowhere to go")
                .isEqualTo(404);
        assertThat(new Http(port)
                        .get(click.replace(
                                campaign.toString(), UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(404);

        assertThat(count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .isEqualTo(2);
        String tracked = jdbc.sql("""
                        SELECT string_agg(t::text, ' ') FROM (
                            SELECT e.*, p.site, p.list, p.created_at FROM tracking_event e
                            JOIN tracking_pseudonym p ON p.pseudonym = e.pseudonym) t
                        """).query(String.class).single();
        assertThat(tracked)
                .as("tracking knows a pseudonym, never a person")
                .doesNotContain(miaSubject.toString())
                .doesNotContain(mia)
                .doesNotContain(Canary.MARKER);
        JsonNode before = campaigns.figures(campaign);
        assertThat(before.get("opened").asInt()).isEqualTo(1);
        assertThat(before.get("clicked").asInt()).isEqualTo(1);
        assertThat(before.get("links").get(0).get("clicked").asInt()).isEqualTo(1);

        new Http(port)
                .postForm(
                        "/s/olympus-ims/unsubscribe/" + tokenIn(receivedBy(mia).get(0)), Map.of());

        assertThat(count("SELECT count(*) FROM tracking_pseudonym WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .as("the pseudonym's link to mia is gone")
                .isZero();
        assertThat(count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .as("and so are her events, as such")
                .isZero();
        JsonNode after = campaigns.figures(campaign);
        assertThat(after.get("opened").asInt()).as("what remains is a count").isEqualTo(1);
        assertThat(after.get("clicked").asInt()).isEqualTo(1);
        new Http(port).get(pixel);
        assertThat(campaigns.figures(campaign).get("opened").asInt())
                .as("an open after unsubscribing is not recorded")
                .isEqualTo(1);
    }

    @Test
    void erasingASubscriberCutsTheirPseudonymAndTheirMessagesAndLeavesOnlyCounts() {
        String noa = address("noa");
        SubjectId noaSubject = subscribers.confirmed(OLYMPUS, noa, "newsletter");
        subscribers.record(noaSubject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        UUID campaign = sent(OLYMPUS, "newsletter", "Tracked, then erased");
        String pixel = path(
                html(receivedBy(noa).get(0)), "src=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/o/[0-9a-f]{32})\"");
        String pseudonym = pixel.substring(pixel.length() - 32);
        assertThat(new Http(port).get(pixel).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .isEqualTo(1);

        vault.eraseSubject(noaSubject, "test: erasure request");

        assertThat(count("SELECT count(*) FROM tracking_pseudonym WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .as("nothing leads from the pseudonym to noa any more")
                .isZero();
        assertThat(count("SELECT count(*) FROM tracking_event WHERE pseudonym = decode(:p, 'hex')", pseudonym))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_message WHERE subject_id = :subject")
                        .param("subject", noaSubject.value())
                        .query(Long.class)
                        .single())
                .as("her message counts, but names nobody")
                .isZero();
        JsonNode figures = campaigns.figures(campaign);
        assertThat(figures.get("sent").asInt()).isPositive();
        assertThat(figures.get("opened").asInt())
                .as("the open stays as a count")
                .isEqualTo(1);
    }
}
