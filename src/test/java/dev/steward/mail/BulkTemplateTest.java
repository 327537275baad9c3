package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.SiteMail.Sender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A bulk message written from its template's encoded bytes is, byte for byte, the message that building it on its own
 * gives (but for the multipart boundary, which the template keeps for all its messages): in 7bit, in quoted-printable
 * with the token broken across soft line breaks, with a folded {@code To}. Where the encoding would not keep the
 * values as they are, the template is not used.
 */
class BulkTemplateTest {

    private static final String TOKEN_MARKER =
            "stw" + "0123456789abcdef".repeat(3).substring(0, 40);
    private static final String PSEUDONYM_MARKER =
            "stw" + "fedcba9876543210".repeat(2).substring(0, 29);
    private static final Sender FROM = new Sender("Olympus News", "news@olympus-ims.com");
    private static final Instant DATE = Instant.parse("2026-12-04T22:15:07Z");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    private final MimeLetters letters =
            new MimeLetters(Session.getInstance(new Properties()), new Sender(null, "privacy@steward.test"));
    private final Random random = new Random(7);

    @Test
    void anAsciiMessageIsWrittenAsItWouldBeBuilt() throws Exception {
        BulkTemplate template = template(
                "Hello,\n\nread more at https://example.org/c/" + PSEUDONYM_MARKER + "\n\nUnsubscribe: "
                        + "https://example.org/u/" + TOKEN_MARKER + "\n",
                "<p>Hello</p><img src=\"https://example.org/o/" + PSEUDONYM_MARKER + "\"><a href=\"https://example"
                        + ".org/u/" + TOKEN_MARKER + "\">Unsubscribe</a>");

        for (int i = 0; i < 20; i++) {
            assertSameAsBuilt(template, "person-" + i + "@example.org", List.of(token(), pseudonym()));
        }
    }

    @Test
    void quotedPrintableBreaksInsideAValueAreKept() throws Exception {
        StringBuilder html = new StringBuilder("<p>Grüße aus München — Änderungen</p>\n");
        StringBuilder text = new StringBuilder("Grüße, ");
        for (int shift = 0; shift < 80; shift++) {
            // one long line per shift, so that a soft line break falls at every place in some marker
            html.append("<a href=\"https://example.org/u/")
                    .append("x".repeat(shift))
                    .append(TOKEN_MARKER);
            html.append("/").append(PSEUDONYM_MARKER).append("\">ä</a>\n");
            text.append("y".repeat(shift)).append(' ').append(TOKEN_MARKER).append(' ');
        }
        BulkTemplate template = template(text.toString(), html.toString());
        List<String> values = List.of(token(), pseudonym());

        String raw = assertSameAsBuilt(template, "maria@example.de", values);

        assertThat(raw).contains("Content-Transfer-Encoding: quoted-printable");
        assertThat(occurrences(raw, values.get(0)))
                .as("some of the 160 tokens are broken by a soft line break")
                .isLessThan(160)
                .isPositive();
    }

    @Test
    void aLongAddressIsFoldedAsItWouldBe() throws Exception {
        BulkTemplate template = template("Unsubscribe: " + TOKEN_MARKER, "<a href=\"" + TOKEN_MARKER + "\">x</a>");

        String raw = assertSameAsBuilt(
                template, "a.very.long.local.part.of.an.address." + "x".repeat(30) + "@example.org", values());

        assertThat(raw).contains("\r\nTo: \r\n\ta.very.long");
    }

    @Test
    void picturesInsideTheHtmlAreWrittenFromTheTemplateAsTheyWouldBeBuilt() throws Exception {
        byte[] picture = new byte[40_000];
        random.nextBytes(picture);
        picture[0] = (byte) 0x89;
        Envelope envelope = template(
                        "Unsubscribe: " + TOKEN_MARKER, "<img src=\"cid:a.png@olympus-ims.com\" alt=\"A\">")
                .template();
        BulkTemplate template = new BulkTemplate(
                envelope,
                List.of(TOKEN_MARKER, PSEUDONYM_MARKER),
                List.of(new InlineImage("a.png@olympus-ims.com", "a.png", "image/png", picture)));

        String raw = assertSameAsBuilt(template, "ada@example.org", values());

        assertThat(raw)
                .contains("multipart/related")
                .contains("Content-ID: <a.png@olympus-ims.com>")
                .contains("Content-Disposition: inline; filename=a.png")
                .contains(java.util.Base64.getMimeEncoder().encodeToString(picture));
        assertThat(template.encoded(letters))
                .as("one encoding for every message")
                .isSameAs(template.encoded(letters));
    }

    @Test
    void aPictureHeaderCannotCarryALineBreakOrAQuote() {
        for (String contentId : List.of("a\r\nBcc: x@y@z", "a\"@b", "a@b\r\n")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new InlineImage(contentId, "a.png", "image/png", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new InlineImage("a@b", "a\".png", "image/png", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new InlineImage("a@b", "a.svg", "image/svg+xml", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMostlyNonAsciiMessageIsBuiltOneByOne() {
        String japanese = "ニュースレターの配信を停止するには、こちらをクリックしてください。".repeat(4);
        BulkTemplate template =
                template(japanese + TOKEN_MARKER, "<p>" + japanese + "<a href=\"" + TOKEN_MARKER + "\">停止</a></p>");

        assertThat(template.encoded(letters))
                .as("base64 does not keep the markers")
                .isNull();
    }

    @Test
    void aValueOfAnotherShapeIsNotFilledIn() throws Exception {
        BulkTemplate template = template("Unsubscribe: " + TOKEN_MARKER, "<a href=\"" + TOKEN_MARKER + "\">x</a>");
        EncodedTemplate encoded = template.encoded(letters);
        InternetAddress to = new InternetAddress("ada@example.org");

        assertThat(encoded.values(to, DATE, "<1@olympus-ims.com>", List.of("short", pseudonym())))
                .isNull();
        assertThat(encoded.values(to, DATE, "<1@olympus-ims.com>", List.of("=" + token().substring(1), pseudonym())))
                .as("a character quoted-printable would encode")
                .isNull();
        assertThat(encoded.values(to, DATE, "<1@olympus-ims.com>", values())).isNotNull();
    }

    @Test
    void theEnvelopeOfALetterHasItsValuesInPlace() {
        BulkTemplate template = template("Unsubscribe: " + TOKEN_MARKER, "<a href=\"" + TOKEN_MARKER + "\">x</a>");
        List<String> values = values();

        Envelope envelope = template.fill("ada@example.org", values).envelope();

        assertThat(envelope.to()).isEqualTo("ada@example.org");
        assertThat(envelope.text()).isEqualTo("Unsubscribe: " + values.get(0));
        assertThat(envelope.headers().get("List-Unsubscribe"))
                .isEqualTo("<https://example.org/u/" + values.get(0) + ">");
        assertThat(envelope.secrets()).isEqualTo(values);
    }

    private String assertSameAsBuilt(BulkTemplate template, String to, List<String> values)
            throws MessagingException, IOException {
        EncodedTemplate encoded = template.encoded(letters);
        assertThat(encoded).as("the template can be filled in place").isNotNull();
        String messageId = "<" + random.nextLong() + "@olympus-ims.com>";
        String[] filled = encoded.values(new InternetAddress(to, true), DATE, messageId, values);
        assertThat(filled).isNotNull();
        ByteArrayOutputStream fromTemplate = new ByteArrayOutputStream();
        encoded.message(Session.getInstance(new Properties()), filled).writeTo(fromTemplate);

        MimeMessage built = letters.build(messageId, template.envelope(to, values), template.images(), DATE);
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        built.writeTo(alone);

        String raw = fromTemplate.toString(StandardCharsets.ISO_8859_1);
        assertThat(withoutBoundary(raw)).isEqualTo(withoutBoundary(alone.toString(StandardCharsets.ISO_8859_1)));
        assertThat(raw).contains("\r\nMessage-ID: " + messageId + "\r\n");
        return raw;
    }

    private static BulkTemplate template(String text, String html) {
        Envelope envelope = new Envelope(
                "",
                "Neuigkeiten für Sie",
                text,
                html,
                FROM,
                "reply@olympus-ims.com",
                Map.of(
                        "List-Unsubscribe",
                        "<https://example.org/u/" + TOKEN_MARKER + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"),
                List.of(TOKEN_MARKER, PSEUDONYM_MARKER));
        return new BulkTemplate(envelope, List.of(TOKEN_MARKER, PSEUDONYM_MARKER));
    }

    private List<String> values() {
        return List.of(token(), pseudonym());
    }

    /** Like an unsubscribe token: unpadded base64url, with its - and _ in it. */
    private String token() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder("-_");
        while (token.length() < TOKEN_MARKER.length()) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private String pseudonym() {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < PSEUDONYM_MARKER.length()) {
            hex.append(Integer.toHexString(random.nextInt(16)));
        }
        return hex.toString();
    }

    private static String withoutBoundary(String raw) {
        Matcher boundary = BOUNDARY.matcher(raw);
        List<String> found = new ArrayList<>();
        while (boundary.find()) {
            found.add(boundary.group(1));
        }
        String normal = raw;
        for (String each : found) {
            normal = normal.replace(each, "BOUNDARY");
        }
        return normal;
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }
}
