package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.SiteMail.Sender;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code List-Id} (RFC 2919) with a list name outside ASCII: the name goes as an RFC 2047 encoded-word, the identifier
 * in angle brackets stays plain, and the raw header is ASCII that decodes back to the name.
 */
class ListIdTest {

    private static final String ID = "newsletter.olympus.olympus-ims.com";

    @Test
    void aGermanOrJapaneseListNameIsAnEncodedWordAndTheIdentifierStaysPlain() throws Exception {
        for (String name : new String[] {"Olympus Neuigkeiten für Grüße & Änderungen", "オリンパス ニュースレター（特別なお知らせ）"}) {
            String raw = rawHeader(listIdOf(name));

            assertThat(raw).as(name).startsWith("List-Id: =?UTF-8?");
            assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(raw))
                    .as(name + ": " + raw)
                    .isTrue();
            assertThat(raw.replaceAll("\r\n[ \t]", " ")).as(name).endsWith(" <" + ID + ">");
            String value = raw.substring("List-Id: ".length()).replaceAll("\r\n([ \t])", "$1");
            assertThat(MimeUtility.decodeText(value.substring(0, value.lastIndexOf(" <"))))
                    .isEqualTo(name);
        }
    }

    @Test
    void anAsciiListNameStaysAQuotedString() throws Exception {
        assertThat(rawHeader(listIdOf("Olympus \"Newsletter\"")))
                .isEqualTo("List-Id: \"Olympus 'Newsletter'\" <" + ID + ">");
    }

    /** The header as a campaign's message carries it. */
    private static String listIdOf(String name) {
        RenderedCampaign rendered = new RenderedCampaign(
                new RenderedCampaign.Presentation(
                        new Sender("Olympus", "news@olympus-ims.com"),
                        null,
                        "Subject",
                        true,
                        RenderedCampaign.listId(name, ID),
                        "https://example.org/u/",
                        null),
                "t".repeat(UnsubscribeTokens.LENGTH),
                "p".repeat(Tracking.PSEUDONYM_LENGTH),
                new RenderedCampaign.Bodies("text", "<p>html</p>"),
                null,
                List.of());
        return rendered.envelope("person@example.org", "x".repeat(UnsubscribeTokens.LENGTH), null)
                .headers()
                .get("List-Id");
    }

    /** The header's bytes as the mail module writes them: folded, never re-encoded. */
    private static String rawHeader(String value) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        mime.setHeader("List-Id", MimeUtility.fold("List-Id".length() + 2, value));
        mime.setText("x");
        mime.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mime.writeTo(out);
        String all = out.toString(StandardCharsets.UTF_8);
        int start = all.indexOf("List-Id:");
        int end = start;
        do {
            end = all.indexOf("\r\n", end + 2);
        } while (all.charAt(end + 2) == ' ' || all.charAt(end + 2) == '\t');
        return all.substring(start, end);
    }
}
