package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.rights.AccessExport;
import dev.steward.test.Json;
import dev.steward.test.Packages;
import dev.steward.vault.SubjectId;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber's copy of their data (GDPR Art. 15) holds the newsletter too: the campaigns sent to them and, while
 * they are tracked, when they opened each and which links they clicked (seed 001 §3.4) — theirs, never another
 * subscriber's of the same campaign, and nothing once erasure or unsubscribing made the events anonymous counts.
 */
class NewsletterAccessExportTest extends CampaignMailTest {

    @Autowired
    AccessExport export;

    @Test
    void theAccessPackageHoldsTheCampaignsSentAndTheOpensAndClicksTrackedOfThePersonOnly() throws IOException {
        String ada = address("ada-export");
        String bob = address("bob-export");
        SubjectId adaSubject = tracked(ada);
        SubjectId bobSubject = tracked(bob);
        SubjectId cySubject = subscribers.confirmed(OLYMPUS, address("cy-export"), "newsletter");
        sent(OLYMPUS, "newsletter", "Spring news for the export");
        String adaHtml = html(receivedBy(ada, "Spring news for the export").get(0));
        String bobHtml = html(receivedBy(bob, "Spring news for the export").get(0));
        String adaPixel = path(adaHtml, "src=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/o/[0-9a-f]{32})\"");
        String adaClick = path(adaHtml, "href=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/c/0/[0-9a-f]{32})\"");
        String bobPixel = path(bobHtml, "src=\"http://localhost:\\d+(/s/olympus-ims/n/[^\"]+/o/[0-9a-f]{32})\"");
        assertThat(http.get(adaPixel).statusCode()).isEqualTo(200);
        assertThat(http.get(adaPixel).statusCode()).isEqualTo(200);
        assertThat(http.get(adaClick).statusCode()).isEqualTo(302);
        assertThat(http.get(bobPixel).statusCode()).isEqualTo(200);
        assertThat(http.get(bobPixel).statusCode()).isEqualTo(200);
        assertThat(http.get(bobPixel).statusCode()).isEqualTo(200);

        Map<String, String> files = Packages.files(export.of(adaSubject, OLYMPUS, Locale.ENGLISH));
        JsonNode newsletters = Json.read(files.get("steward-access.json")).get("newsletters");
        assertThat(newsletters
                        .valueStream()
                        .filter(n -> n.get("subjectLine").asString().equals("Spring news for the export")))
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.get("site").asString()).isEqualTo(OLYMPUS);
                    assertThat(message.get("list").asString()).isEqualTo("newsletter");
                    assertThat(message.get("status").asString()).isEqualTo("sent");
                    assertThat(message.get("sentAt").isNull()).isFalse();
                    assertThat(message.get("tracked").asBoolean()).isTrue();
                    assertThat(message.get("opened").size())
                            .as("ada's two opens, not bob's three")
                            .isEqualTo(2);
                    assertThat(message.get("clicked").size()).isEqualTo(1);
                    assertThat(message.get("clicked").get(0).get("link").asString())
                            .isEqualTo(NEWS);
                });
        assertThat(files.get("summary.html"))
                .contains("Newsletters and other campaign mail to you")
                .contains("opened 2 times, links clicked 1 times");
        assertThat(files.get("steward-access.json")).doesNotContain(bob).doesNotContain(bobSubject.toString());

        Map<String, String> untracked = Packages.files(export.of(cySubject, OLYMPUS, Locale.ENGLISH));
        assertThat(Json.read(untracked.get("steward-access.json"))
                        .get("newsletters")
                        .valueStream()
                        .filter(n -> n.get("subjectLine").asString().equals("Spring news for the export"))
                        .map(n -> n.get("tracked").asBoolean()))
                .as("no consent to the evaluation: not tracked, and the summary does not say 'opened 0 times'")
                .containsExactly(false);
        assertThat(untracked.get("summary.html"))
                .contains("Spring news for the export\u201D, sent ")
                .contains(", without tracking");

        vault.eraseSubject(bobSubject, "test: erasure request");
        assertThat(Json.read(Packages.files(export.of(adaSubject, OLYMPUS, Locale.ENGLISH))
                                .get("steward-access.json"))
                        .get("newsletters")
                        .valueStream()
                        .filter(n -> n.get("subjectLine").asString().equals("Spring news for the export"))
                        .map(n -> n.get("opened").size()))
                .as("another person's erasure takes nothing of ada's")
                .containsExactly(2);
        assertThat(Json.read(Packages.files(export.of(bobSubject, OLYMPUS, Locale.ENGLISH))
                                .get("steward-access.json"))
                        .get("newsletters")
                        .size())
                .as("an erased person's messages lead to nobody")
                .isZero();
    }

    private SubjectId tracked(String address) {
        SubjectId subject = subscribers.confirmed(OLYMPUS, address, "newsletter");
        subscribers.record(subject, OLYMPUS, "newsletter-evaluation", ConsentAction.GIVEN, CollectionMethod.FORM);
        return subject;
    }
}
