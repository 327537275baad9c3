package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Rights requests made as a visitor makes them (through the site's API in the visitor's language, confirmed with the
 * mailed link) and answered by an administrator reading English, each a second apart on the test clock.
 */
record VisitorRequests(Http http, Inbox inbox, TestClock clock) {

    static final String[] STAFF_IN_ENGLISH = {
        "Authorization", Http.basic("admin", StewardTest.ADMIN_PASSWORD)[1], "Accept-Language", "en"
    };

    /** A confirmed request: its id, and the token of its status page (the requester's link). */
    record Made(String id, String statusToken) {}

    /** A request in the visitor's language, or with no {@code Accept-Language} at all where {@code language} is null. */
    Made requested(String site, String region, String email, String json, @Nullable String language) {
        clock.advance(Duration.ofSeconds(1));
        String body = json.replaceFirst("\\{", "{\"email\":\"" + email + "\",\"region\":\"" + region + "\",");
        HttpResponse<String> submitted = http.postJson(
                "/api/v1/sites/" + site + "/requests",
                body,
                // an IP address of its own, as a visitor has: the requests of a run would empty the bucket of this
                // machine's (the forms' bucket per IP address, which rights requests share)
                language == null
                        ? new String[] {"X-Forwarded-For", Visitor.randomIp()}
                        : new String[] {"Accept-Language", language, "X-Forwarded-For", Visitor.randomIp()});
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(1));
        String token = inbox.find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/" + site + "/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode accepted = Json.read(submitted.body());
        return new Made(
                accepted.get("request").asString(), accepted.get("statusToken").asString());
    }

    void fulfil(String id) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fulfilled =
                http.postJson("/api/v1/admin/requests/" + id + "/fulfil", "{}", STAFF_IN_ENGLISH);
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
    }
}
