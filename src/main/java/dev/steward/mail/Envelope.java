package dev.steward.mail;

import dev.steward.catalog.SiteMail.Sender;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The personal part of a message, stored only sealed under the subject's key: the address, subject line and bodies,
 * and how it presents itself (a sender other than Steward's own, a Reply-To, headers such as {@code
 * List-Unsubscribe}). Messages stored before the presentation was kept read back without it.
 */
public record Envelope(
        String to,
        String subjectLine,
        String text,
        @Nullable String html,
        @Nullable Sender from,
        @Nullable String replyTo,
        Map<String, String> headers) {

    public Envelope {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Mail from Steward's own sender, with headers only where given. */
    public Envelope(String to, String subjectLine, String text, @Nullable String html, Map<String, String> headers) {
        this(to, subjectLine, text, html, null, null, headers);
    }

    @Override
    public String toString() {
        return "Envelope[sealed]";
    }
}
