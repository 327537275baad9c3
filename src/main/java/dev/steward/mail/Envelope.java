package dev.steward.mail;

import dev.steward.catalog.SiteMail.Sender;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The personal part of a message, stored only sealed under the subject's key: the address, subject line and bodies,
 * how it presents itself (a sender other than Steward's own, a Reply-To, headers such as {@code List-Unsubscribe}),
 * the parts of the text meant for the recipient alone, and the pictures its HTML shows by {@code cid:} where the
 * message carries its own (a campaign's test send; the messages of a campaign carry theirs in its template instead, so
 * that 100,000 sealed envelopes do not each hold the same pictures). Envelopes sealed before the presentation, the
 * secrets or the pictures were kept read back without them.
 */
public record Envelope(
        String to,
        String subjectLine,
        String text,
        @Nullable String html,
        @Nullable Sender from,
        @Nullable String replyTo,
        Map<String, String> headers,
        @Nullable List<String> secrets,
        List<InlineImage> pictures) {

    static final String WITHHELD = "[withheld]";

    public Envelope {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        pictures = pictures == null ? List.of() : List.copyOf(pictures);
    }

    /** A message without pictures of its own. */
    public Envelope(
            String to,
            String subjectLine,
            String text,
            @Nullable String html,
            @Nullable Sender from,
            @Nullable String replyTo,
            Map<String, String> headers,
            @Nullable List<String> secrets) {
        this(to, subjectLine, text, html, from, replyTo, headers, secrets, List.of());
    }

    /** Mail from Steward's own sender, with headers only where given. */
    public Envelope(
            String to,
            String subjectLine,
            String text,
            @Nullable String html,
            Map<String, String> headers,
            List<String> secrets) {
        this(to, subjectLine, text, html, null, null, headers, secrets);
    }

    /** The envelope as staff may read it: every secret replaced. */
    Envelope withheld() {
        if (secrets == null || secrets.isEmpty()) {
            return this;
        }
        return new Envelope(
                to,
                withhold(subjectLine),
                withhold(text),
                html == null ? null : withhold(html),
                from,
                replyTo,
                withholdAll(headers),
                secrets,
                pictures);
    }

    /** The envelope with its bodies as staff are shown them: every tracked link as where it leads. */
    Envelope untracked(TrackedLinks links) {
        return new Envelope(
                to,
                subjectLine,
                links.untracked(text, false),
                html == null ? null : links.untracked(html, true),
                from,
                replyTo,
                headers,
                secrets,
                pictures);
    }

    private Map<String, String> withholdAll(Map<String, String> values) {
        Map<String, String> withheld = new LinkedHashMap<>();
        values.forEach((name, value) -> withheld.put(name, withhold(value)));
        return withheld;
    }

    private String withhold(String content) {
        String withheld = content;
        for (String secret : secrets) {
            withheld = withheld.replace(secret, WITHHELD);
        }
        return withheld;
    }

    @Override
    public String toString() {
        return "Envelope[sealed]";
    }
}
