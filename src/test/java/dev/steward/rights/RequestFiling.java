package dev.steward.rights;

import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Access requests filed and codes typed through the lab's API, as a stranger or the address's owner would. */
record RequestFiling(TestClock clock, Inbox inbox) {

    static final String REQUESTS = "/api/v1/sites/lab/requests";

    /** An access request for the address; a second later than the last, as people file them. */
    HttpResponse<String> file(Visitor visitor, String email) {
        clock.advance(Duration.ofSeconds(1));
        return visitor.postJson(REQUESTS, "{\"type\":\"access\",\"email\":\"" + email + "\",\"region\":\"EU\"}");
    }

    HttpResponse<String> guess(Visitor visitor, String statusToken, String code) {
        return visitor.postJson(
                REQUESTS + "/verification", "{\"statusToken\":\"" + statusToken + "\",\"code\":\"" + code + "\"}");
    }

    /** A code that is not the one in the newest mail to the address. */
    String wrongCode(String email) {
        int right = Integer.parseInt(rightCode(email));
        return "%06d".formatted((right + 1) % 1_000_000);
    }

    /** The code in the newest mail to the address, in whatever language it is written: alone at a line's end. */
    String rightCode(String email) {
        return inbox.find(email, "(?m)(?<![\\w-])(\\d{6})$");
    }

    /** The first error's code, or "null" for an answer that is not an error. */
    static String code(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return "null";
        }
        JsonNode errors = Json.read(response.body()).get("errors");
        return errors.get(0).get("code").asString();
    }
}
