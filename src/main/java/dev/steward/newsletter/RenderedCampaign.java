package dev.steward.newsletter;

import dev.steward.catalog.SiteMail.Sender;
import dev.steward.mail.BulkTemplate;
import dev.steward.mail.Envelope;
import dev.steward.mail.InlineImage;
import dev.steward.mail.Letter;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign rendered once, ready to be filled for each message: with tracking (pixel and redirected links, for
 * people whose consent covers it) or without. Each is a {@link BulkTemplate} with markers for the message's
 * unsubscribe token and tracking pseudonym, as long as the token and pseudonym themselves so that the mail module can
 * write every message from one encoding. Marketing messages carry the list headers: {@code List-Unsubscribe} with the
 * one-click address and a {@code mailto:} address (RFC 2369, RFC 8058), {@code List-Id}, {@code Precedence: bulk};
 * every campaign message is {@code Auto-Submitted: auto-generated} (RFC 3834), so that auto-responders leave it
 * unanswered. Pictures attached to the campaign go inside the HTML part of both, encoded with it once.
 */
final class RenderedCampaign {

    /** How a campaign presents itself, and what its messages link to. */
    record Presentation(
            Sender from,
            @Nullable String replyTo,
            String subjectLine,
            boolean marketing,
            String listId,
            String unsubscribeBase,
            @Nullable String unsubscribeMailbox) {}

    /** The rendered text and HTML of one variant, with the markers in them. */
    record Bodies(String text, String html) {}

    private final Sender from;
    private final BulkTemplate plain;
    private final @Nullable BulkTemplate tracked;

    RenderedCampaign(
            Presentation presentation,
            String tokenMarker,
            String pseudonymMarker,
            Bodies plain,
            @Nullable Bodies tracked,
            List<InlineImage> images) {
        this.from = presentation.from();
        Map<String, String> headers = headers(presentation, tokenMarker);
        this.plain = new BulkTemplate(
                envelope(presentation, plain, headers, List.of(tokenMarker)), List.of(tokenMarker), images);
        this.tracked = tracked == null
                ? null
                : new BulkTemplate(
                        envelope(presentation, tracked, headers, List.of(tokenMarker, pseudonymMarker)),
                        List.of(tokenMarker, pseudonymMarker),
                        images);
    }

    /** The pictures inside every message's HTML part. */
    List<InlineImage> images() {
        return plain.images();
    }

    /** The message to one person: tracked when a pseudonym is given (and the campaign can be tracked at all). */
    Letter letter(String to, String token, @Nullable String pseudonym) {
        return pseudonym != null && tracked != null
                ? tracked.fill(to, List.of(token, pseudonym))
                : plain.fill(to, List.of(token));
    }

    Envelope envelope(String to, String token, @Nullable String pseudonym) {
        return letter(to, token, pseudonym).envelope();
    }

    boolean trackable() {
        return tracked != null;
    }

    String messageId(UUID message) {
        return "<" + message + "@" + from.domain() + ">";
    }

    /**
     * The {@code List-Id} value (RFC 2919): the list's name as a phrase, then its identifier in angle brackets. A name
     * in ASCII is a quoted string; any other is an RFC 2047 encoded-word, since a header is ASCII and a raw UTF-8 name
     * is mangled or refused on its way (the identifier stays plain: it is what filters match).
     */
    static String listId(String name, String id) {
        String phrase;
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            phrase = "\"" + name.replace("\\", "").replace("\"", "'") + "\"";
        } else {
            try {
                phrase = MimeUtility.encodeWord(name, StandardCharsets.UTF_8.name(), null);
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return phrase + " <" + id + ">";
    }

    private static Envelope envelope(
            Presentation presentation, Bodies bodies, Map<String, String> headers, List<String> secrets) {
        return new Envelope(
                "",
                presentation.subjectLine(),
                bodies.text(),
                bodies.html(),
                presentation.from(),
                presentation.replyTo(),
                headers,
                secrets);
    }

    private static Map<String, String> headers(Presentation presentation, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (presentation.marketing()) {
            String unsubscribe = "<" + presentation.unsubscribeBase() + token + ">";
            if (presentation.unsubscribeMailbox() != null) {
                unsubscribe +=
                        ", <mailto:" + presentation.unsubscribeMailbox() + "?subject=unsubscribe%20" + token + ">";
            }
            headers.put("List-Unsubscribe", unsubscribe);
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.put("List-Id", presentation.listId());
            headers.put("Precedence", "bulk");
        }
        headers.put("Auto-Submitted", "auto-generated");
        return headers;
    }
}
