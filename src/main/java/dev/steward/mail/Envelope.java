package dev.steward.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The personal part of a message, stored only sealed under the subject's key; with the parts of the text meant for
 * the recipient alone (none for envelopes sealed before secrets were marked).
 */
record Envelope(
        String to,
        String subjectLine,
        String text,
        @Nullable String html,
        @Nullable List<String> secrets) {

    static final String WITHHELD = "[withheld]";

    /** The envelope as staff may read it: every secret replaced. */
    Envelope withheld() {
        if (secrets == null || secrets.isEmpty()) {
            return this;
        }
        return new Envelope(to, withhold(subjectLine), withhold(text), html == null ? null : withhold(html), secrets);
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
