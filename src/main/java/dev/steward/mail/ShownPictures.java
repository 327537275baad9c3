package dev.steward.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dev mailbox page shows a message's HTML with its pictures: each {@code src="cid:…"} that names one of the
 * message's own pictures (in its sealed envelope, or kept by the module that sent it) becomes a {@code data:} address.
 * The page shows the HTML in a sandboxed frame of no origin, which the console's sign-in cookie does not reach, so a
 * picture at a console address would not load there; the console's Content-Security-Policy allows {@code data:}
 * images, and nothing has to be loosened. A {@code cid:} that names no picture of this message is left as it is (a
 * broken picture): pictures are looked up by their exact Content-ID among the message's own, so no other message's
 * picture, and nothing a crafted name could reach, is ever put in.
 */
@Component
class ShownPictures {

    /**
     * How much picture text one page carries at most: every message of a campaign carries all of its pictures (up to
     * 1 MB, 1.4 MB as base64), so 50 of them would make a page of some 70 MB. Past this, a message is shown without
     * its pictures and says so.
     */
    static final long PAGE_BUDGET = 8L * 1024 * 1024;

    /** A cid: source as the HTML renderer writes it, double-quoted; what is inside is looked up, never used as is. */
    private static final Pattern CID_SOURCE = Pattern.compile("src=\"cid:([^\"]*)\"");

    private final ObjectProvider<MessagePictures> sources;

    ShownPictures(ObjectProvider<MessagePictures> sources) {
        this.sources = sources;
    }

    /** What is left of one page's {@link #PAGE_BUDGET}. */
    static final class Budget {

        private long left = PAGE_BUDGET;
    }

    /** The entry with the pictures its HTML names put in, or marked as shown without them once the page is full. */
    static Mailbox.Entry show(Mailbox.Entry entry, List<InlineImage> pictures, Budget budget) {
        if (entry.html() == null || pictures.isEmpty()) {
            return entry;
        }
        String shown = inline(entry.html(), pictures);
        long added = (long) shown.length() - entry.html().length();
        if (added == 0) {
            return entry;
        }
        if (added > budget.left) {
            return entry.shown(entry.html(), true);
        }
        budget.left -= added;
        return entry.shown(shown, false);
    }

    /** The entries whose HTML still names pictures, with those their senders keep (a campaign's) put in. */
    List<Mailbox.Entry> kept(List<Mailbox.Entry> entries, Budget budget) {
        List<UUID> naming = entries.stream()
                .filter(entry ->
                        entry.html() != null && CID_SOURCE.matcher(entry.html()).find())
                .map(Mailbox.Entry::id)
                .toList();
        if (naming.isEmpty()) {
            return entries;
        }
        Map<UUID, List<InlineImage>> pictures = new HashMap<>();
        sources.orderedStream().forEach(source -> pictures.putAll(source.of(naming)));
        List<Mailbox.Entry> shown = new ArrayList<>(entries.size());
        for (Mailbox.Entry entry : entries) {
            shown.add(show(entry, pictures.getOrDefault(entry.id(), List.of()), budget));
        }
        return shown;
    }

    static String inline(String html, List<InlineImage> pictures) {
        Map<String, InlineImage> byId = new HashMap<>();
        for (InlineImage picture : pictures) {
            byId.put(picture.contentId(), picture);
        }
        return CID_SOURCE.matcher(html).replaceAll(found -> {
            InlineImage picture = byId.get(found.group(1));
            return Matcher.quoteReplacement(picture == null ? found.group() : "src=\"" + picture.dataAddress() + "\"");
        });
    }
}
