package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the mail Steward queued for an address, newest first, through the staff mailbox API. */
public final class Mailboxes {

    private Mailboxes() {}

    public static List<JsonNode> to(int port, String address) {
        HttpResponse<String> listing = new Http(port)
                .get(
                        "/api/v1/admin/mailbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(listing.statusCode()).as("mailbox listing").isEqualTo(200);
        return Json.read(listing.body()).get("messages").valueStream().toList();
    }

    /** The path of the first link to this Steward in the newest message to the address whose subject line matches. */
    public static String link(int port, String address, String subjectLine, String pathPrefix) {
        JsonNode message = to(port, address).stream()
                .filter(m -> m.get("subjectLine").asString().contains(subjectLine))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message '" + subjectLine + "'"));
        return linkIn(message.get("text").asString(), pathPrefix)
                .orElseThrow(() -> new AssertionError("no link to " + pathPrefix + " in the message"));
    }

    public static Optional<String> linkIn(String text, String pathPrefix) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s]*)")
                .matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
