package dev.steward.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One message for many recipients, made once with markers where each recipient's message differs (a link's token, a
 * tracking pseudonym) and {@link #fill filled} for each. Over SMTP it is MIME-encoded once and each message written
 * from those bytes with its own values in place ({@link EncodedTemplate}), which is what a campaign's rate depends on:
 * building and encoding a {@code MimeMessage} per recipient costs more than all the rest of sending it.
 */
public final class BulkTemplate {

    private final Envelope envelope;
    private final List<String> markers;
    private final List<InlineImage> images;
    private volatile @Nullable Encoding encoding;

    /** How it was encoded by one transport's letters; null when the encoding cannot be filled in place. */
    private record Encoding(MimeLetters letters, @Nullable EncodedTemplate template) {}

    /**
     * @param envelope the message with the markers in its text, HTML and header values (its address is not used)
     * @param markers the words each message replaces with its own values, in the order {@link #fill} takes them
     */
    public BulkTemplate(Envelope envelope, List<String> markers) {
        this(envelope, markers, List.of());
    }

    /**
     * @param images pictures inside the HTML part, which it shows as {@code cid:} addresses; encoded with the rest of
     *     the template, once, not once per message
     */
    public BulkTemplate(Envelope envelope, List<String> markers, List<InlineImage> images) {
        this.envelope = envelope;
        this.markers = List.copyOf(markers);
        this.images = List.copyOf(images);
    }

    /** The message to one recipient, with a value for each marker. */
    public Letter fill(String to, List<String> values) {
        if (values.size() != markers.size()) {
            throw new IllegalArgumentException(markers.size() + " values expected, " + values.size() + " given");
        }
        return new Letter(this, to, values);
    }

    Envelope template() {
        return envelope;
    }

    List<String> markers() {
        return markers;
    }

    /** The pictures inside the HTML part; not in the {@link #envelope} a dev mailbox keeps. */
    public List<InlineImage> images() {
        return images;
    }

    /** The message to one recipient as an envelope: what the dev mailbox keeps, or a message built on its own. */
    Envelope envelope(String to, List<String> values) {
        UnaryOperator<String> fill = text -> {
            String filled = text;
            for (int i = 0; i < markers.size(); i++) {
                filled = filled.replace(markers.get(i), values.get(i));
            }
            return filled;
        };
        Map<String, String> headers = new LinkedHashMap<>();
        envelope.headers().forEach((name, value) -> headers.put(name, fill.apply(value)));
        return new Envelope(
                to,
                envelope.subjectLine(),
                fill.apply(envelope.text()),
                envelope.html() == null ? null : fill.apply(envelope.html()),
                envelope.from(),
                envelope.replyTo(),
                headers,
                envelope.secrets() == null
                        ? null
                        : envelope.secrets().stream().map(fill).toList());
    }

    /** Encoded once per transport; null when its messages have to be built one by one. */
    @Nullable
    EncodedTemplate encoded(MimeLetters letters) {
        Encoding current = encoding;
        if (current == null || current.letters() != letters) {
            // two workers may both encode it at first; either result is the same
            current = new Encoding(letters, EncodedTemplate.of(letters, envelope, images, markers));
            encoding = current;
        }
        return current.template();
    }
}
