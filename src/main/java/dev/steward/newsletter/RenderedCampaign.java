package dev.steward.newsletter;

import dev.steward.catalog.SiteMail.Sender;
import dev.steward.mail.Envelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign rendered once, ready to be filled for each message: with tracking (pixel and redirected links, for
 * people whose consent covers it) or without. Marketing messages carry the list headers: {@code List-Unsubscribe}
 * with the one-click address and a {@code mailto:} address (RFC 2369, RFC 8058), {@code List-Id}, {@code Precedence:
 * bulk}; every campaign message is {@code Auto-Submitted: auto-generated} (RFC 3834), so that auto-responders leave
 * it unanswered.
 */
record RenderedCampaign(
        Sender from,
        @Nullable String replyTo,
        String subjectLine,
        boolean marketing,
        String listId,
        String unsubscribeBase,
        @Nullable String unsubscribeMailbox,
        MailTemplate html,
        MailTemplate text,
        @Nullable MailTemplate trackedHtml,
        @Nullable MailTemplate trackedText) {

    /** The message to one person: tracked when a pseudonym is given (and the campaign can be tracked at all). */
    Envelope envelope(String to, String token, @Nullable String pseudonym) {
        boolean tracked = pseudonym != null && trackedHtml != null && trackedText != null;
        String fill = pseudonym == null ? "" : pseudonym;
        return new Envelope(
                to,
                subjectLine,
                (tracked ? trackedText : text).fill(token, fill),
                (tracked ? trackedHtml : html).fill(token, fill),
                from,
                replyTo,
                headers(token),
                fill.isEmpty() ? List.of(token) : List.of(token, fill));
    }

    boolean trackable() {
        return trackedHtml != null;
    }

    String messageId(UUID message) {
        return "<" + message + "@" + from.domain() + ">";
    }

    private Map<String, String> headers(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (marketing) {
            String unsubscribe = "<" + unsubscribeBase + token + ">";
            if (unsubscribeMailbox != null) {
                unsubscribe += ", <mailto:" + unsubscribeMailbox + "?subject=unsubscribe%20" + token + ">";
            }
            headers.put("List-Unsubscribe", unsubscribe);
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.put("List-Id", listId);
            headers.put("Precedence", "bulk");
        }
        headers.put("Auto-Submitted", "auto-generated");
        return headers;
    }
}
