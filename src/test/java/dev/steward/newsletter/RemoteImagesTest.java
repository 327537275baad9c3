package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An image on a web server tells that server who opened the mail and when (seed 001 §3.4: tracking only with consent;
 * operational mail never tracks). A body with one is refused on saving and on sending, naming the host and the line,
 * over the API and in the console; a draft that has one from before the rule is not sent, and its preview (what the
 * message would be) fetches nothing.
 */
class RemoteImagesTest extends CampaignMailTest {

    private static final String WITH_IMAGE =
            "# Spring news\n\nOur new detector is here.\n\n![The new detector](https://cdn.example.net/detector.png)\n";

    @Test
    void anImageFromTheWebIsRefusedNamingItsHostAndLineForMarketingAndOperationalMail() {
        List<JsonNode> refused = errors(campaigns.compose(OLYMPUS, "newsletter", "Images", WITH_IMAGE));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("field").asString()).isEqualTo("body");
        assertThat(refused.get(0).get("code").asString()).isEqualTo("remote-image");
        assertThat(refused.get(0).get("message").asString())
                .contains("cdn.example.net")
                .contains("line 5")
                .doesNotContain("error.newsletter");

        assertThat(errors(
                                campaigns.compose(
                                        "omron-healthcare",
                                        "operational-notices",
                                        "Recall",
                                        "Please stop using the cuff.\n\n![cuff][photo]\n\n[photo]: http://pixel.example.org/p.gif"))
                        .stream()
                        .map(error -> error.get("message").asString())
                        .toList())
                .as("a reference-style image in a recall")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("pixel.example.org")
                .contains("line 3");

        UUID draft = campaigns.create(OLYMPUS, "newsletter", "Images", body());
        List<JsonNode> changed = errors(http.patchJson(
                "/api/v1/admin/campaigns/" + draft,
                "{\"body\":\"![a](https://one.example/a.png) ![b](https://two.example/b.png)\"}",
                Campaigns.admin()));
        assertThat(changed.stream().map(error -> error.get("message").asString()))
                .as("every image is named")
                .hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("one.example"))
                .anySatisfy(message -> assertThat(message).contains("two.example"));
        assertThat(campaigns.figures(draft).get("status").asString()).isEqualTo("draft");
    }

    @Test
    void aDraftWithAnImageFromBeforeTheRuleIsNotSentAndItsPreviewFetchesNothing() {
        UUID draft = campaigns.create(OLYMPUS, "newsletter", "Saved before the rule", body());
        jdbc.sql("UPDATE campaign SET body = :body WHERE id = :id")
                .param("body", WITH_IMAGE)
                .param("id", draft)
                .update();

        HttpResponse<String> sent = campaigns.post("/api/v1/admin/campaigns/" + draft + "/send", Map.of());
        assertThat(errors(sent))
                .singleElement()
                .satisfies(error -> assertThat(error.get("code").asString()).isEqualTo("remote-image"));
        assertThat(campaigns.figures(draft).get("status").asString()).isEqualTo("draft");

        for (boolean tracked : new boolean[] {false, true}) {
            JsonNode preview = Json.read(
                    http.get("/api/v1/admin/campaigns/" + draft + "/preview?tracked=" + tracked, Campaigns.admin())
                            .body());
            assertThat(preview.get("html").asString())
                    .as("the alternative text stands where the image was")
                    .contains("The new detector")
                    .doesNotContain("cdn.example.net");
            assertThat(preview.get("text").asString()).doesNotContain("cdn.example.net");
        }
    }

    @Test
    void theConsoleFormShowsTheRefusalAtTheBody() {
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        HttpResponse<String> refused = console.submit(
                "/admin/campaigns",
                "/admin/campaigns",
                Map.of("audience", "olympus-ims/newsletter", "subjectLine", "Images", "body", WITH_IMAGE));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("cdn.example.net")
                .contains("line 5")
                .doesNotContain("error.newsletter")
                .doesNotContain("remote-image");
    }

    private static List<JsonNode> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.read(response.body()).get("errors").valueStream().toList();
    }
}
