package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What every console address answering a framed message's HTML must answer with, written out here. */
public final class MessageFrames {

    /** Written out rather than read from the code, so that a weaker policy fails the tests. */
    public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    private MessageFrames() {}

    /** The answer is a message's HTML under its own policy, and nothing of the console's page policy is left. */
    public static void assertFramed(HttpResponse<String> answer) {
        Map<String, List<String>> headers = answer.headers().map();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(headers.get("content-type")).containsExactly("text/html;charset=UTF-8");
        assertThat(headers.get("content-security-policy")).containsExactly(POLICY);
        assertThat(headers.get("x-frame-options")).containsExactly("SAMEORIGIN");
        assertThat(headers.get("cache-control")).containsExactly("no-store");
        assertThat(headers.get("referrer-policy")).containsExactly("no-referrer");
        assertThat(headers.get("x-content-type-options")).containsExactly("nosniff");
    }
}
