package dev.steward.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one bulk message says: an envelope of its own, or a {@link BulkTemplate} filled for one recipient, which an
 * SMTP transport writes from the template's encoded bytes without building the message again.
 */
public final class Letter {

    private final @Nullable BulkTemplate template;
    private final String to;
    private final List<String> values;
    private @Nullable Envelope envelope;

    Letter(@Nullable BulkTemplate template, String to, List<String> values) {
        this.template = template;
        this.to = to;
        this.values = List.copyOf(values);
    }

    public static Letter of(Envelope envelope) {
        Letter letter = new Letter(null, envelope.to(), List.of());
        letter.envelope = envelope;
        return letter;
    }

    public Envelope envelope() {
        if (envelope == null) {
            envelope = template.envelope(to, values);
        }
        return envelope;
    }

    @Nullable
    BulkTemplate template() {
        return template;
    }

    String to() {
        return to;
    }

    List<String> values() {
        return values;
    }

    @Override
    public String toString() {
        return "Letter[sealed]";
    }
}
