package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A person's inbox, as the dev mailbox shows it to staff: what Steward sent to an address, newest first. Reading it
 * through the staff API is audited like any staff read.
 */
public final class Inbox {

    private final Http http;

    public Inbox(int port) {
        this.http = new Http(port);
    }

    /** The newest message to the address, as its plain text. */
    public JsonNode newestTo(String address) {
        JsonNode messages = messagesTo(address);
        assertThat(messages.size()).as("messages to %s", address).isPositive();
        return messages.get(0);
    }

    /** How many messages went to the address. */
    public int countTo(String address) {
        return messagesTo(address).size();
    }

    private JsonNode messagesTo(String address) {
        return Json.read(http.get(
                                "/api/v1/admin/mailbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("messages");
    }

    public String newestTextTo(String address) {
        return newestTo(address).get("text").asString();
    }

    /** The first group of the pattern in the newest message to the address. */
    public String find(String address, String pattern) {
        String text = newestTextTo(address);
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
