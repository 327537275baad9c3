package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** A request to Olympus (access, unless told) made and confirmed as a visitor would, through the privacy center's API and mail. */
public final class AccessRequests {

    private AccessRequests() {}

    /** Makes the request, confirms it with the mailed token, and answers its id: it now waits in the staff queue. */
    public static String received(int port, String email) {
        return received(port, email, "\"type\":\"access\"");
    }

    /** The same for a request of another right: {@code what} is its JSON members ({@code "type":"restriction",…}). */
    public static String received(int port, String email, String what) {
        return received(port, "olympus-ims", email, what);
    }

    /** The same on another site (its EU region). */
    public static String received(int port, String site, String email, String what) {
        // an IP address of its own, as a visitor has: the requests of a run would empty the bucket of this machine's
        Visitor http = new Visitor(port);
        HttpResponse<String> submitted = http.postJson(
                "/api/v1/sites/" + site + "/requests", "{" + what + ",\"email\":\"" + email + "\",\"region\":\"EU\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String token = new Inbox(port).find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/" + site + "/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
        return Json.read(submitted.body()).get("request").asString();
    }
}
