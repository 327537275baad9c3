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
 * The dev mailbox shows a message's HTML with its pictures: each {@code src="cid:…"} that names one of the message's
 * own pictures (in its sealed envelope, or kept by the module that sent it) becomes a {@code data:} address. The HTML
 * is shown in a sandboxed frame of no origin, which the console's sign-in cookie does not reach, so a picture at a
 * console address would not load there; the frame's policy allows {@code data:} images and no other. A {@code cid:}
 * that names no picture of this message is left as it is (a broken picture): pictures are looked up by their exact
 * Content-ID among the message's own, so no other message's picture, and nothing a crafted name could reach, is ever
 * put in. Each frame carries one message's pictures (a campaign's are at most 1 MB), not a page of them.
 */
@Component
class ShownPictures {

    /** A cid: source as the HTML renderer writes it, double-quoted; what is inside is looked up, never used as is. */
    private static final Pattern CID_SOURCE = Pattern.compile("src=\"cid:([^\"]*)\"");

    private final ObjectProvider<MessagePictures> sources;

    ShownPictures(ObjectProvider<MessagePictures> sources) {
        this.sources = sources;
    }

    /** The message's HTML with its own pictures put in, or those its sender keeps (a campaign's). */
    String shown(UUID message, String html, List<InlineImage> own) {
        if (!own.isEmpty()) {
            return inline(html, own);
        }
        if (!CID_SOURCE.matcher(html).find()) {
            return html;
        }
        List<InlineImage> kept = new ArrayList<>();
        sources.orderedStream()
                .forEach(source -> kept.addAll(source.of(List.of(message)).getOrDefault(message, List.of())));
        return kept.isEmpty() ? html : inline(html, kept);
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
