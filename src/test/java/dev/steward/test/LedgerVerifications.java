package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Verifications of the evidence chains through the staff API, as a client follows one to its end. */
public final class LedgerVerifications {

    public static final String ADDRESS = "/api/v1/admin/ledger/verifications";

    private LedgerVerifications() {}

    /**
     * Starts a verification and answers it once it is over. One the node was running already (its schedule's) is let
     * finish first, so that the verification answered started after the call and saw everything written before it.
     */
    public static JsonNode run(Http http, String... auth) {
        JsonNode latest = Json.read(http.get(ADDRESS, auth).body()).path(0);
        if (latest.path("status").asString("").equals("running")) {
            finished(http, latest.get("id").asString(), auth);
        }
        HttpResponse<String> started = http.postJson(ADDRESS, "{}", auth);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return finished(http, Json.read(started.body()).get("id").asString(), auth);
    }

    /** The verification once it is no longer running. */
    public static JsonNode finished(Http http, String id, String... auth) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> read(http, id, auth),
                        job -> !job.get("status").asString().equals("running"));
    }

    public static JsonNode read(Http http, String id, String... auth) {
        HttpResponse<String> answer = http.get(ADDRESS + "/" + id, auth);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.read(answer.body());
    }

    /** The result of one chain in a finished verification. */
    public static JsonNode chain(JsonNode verification, String chain) {
        for (JsonNode result : verification.get("chains")) {
            if (result.get("chain").asString().equals(chain)) {
                return result;
            }
        }
        throw new AssertionError("The verification has no chain " + chain + ": " + verification);
    }
}
