package dev.steward.consent;

import dev.steward.platform.IsoInstantText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ConsentDecision} as the bytes of the JSON that Jackson writes for it (the same fields in the same order,
 * nulls written, instants as {@link IsoInstantText} writes them), written into one buffer per request thread
 * and handed to the answer in one piece.
 *
 * <p>WHY: Jackson creates a generator, its write contexts and buffers for every answer, and walks the record through
 * its serializers: 7.6 % of the decision port's CPU and most of the answer's own allocation (bench/README.md). The
 * answer is small and its shape fixed, and most of its texts repeat from answer to answer (the decision words, site,
 * purpose, reasons, bases), so their encoded bytes are kept. A text that is not plain printable ASCII is encoded by
 * the same {@link JsonMapper}, so its escapes are Jackson's whatever its settings; {@code DecisionJsonTest} compares
 * the two for every kind of decision.
 */
final class DecisionJson {

    /** Enough for every site, purpose, reason and basis of a catalog; texts beyond it are encoded afresh. */
    static final int CACHED = 1024;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    DecisionJson(JsonMapper json) {
        this.json = json;
    }

    /** Writes the decision to the stream with one {@code write}. */
    void write(ConsentDecision decision, OutputStream out) throws IOException {
        Buffer buffer = buffers.get();
        buffer.length = 0;
        write(decision, buffer);
        out.write(buffer.bytes, 0, buffer.length);
    }

    /** The decision's bytes (for tests and callers without a stream). */
    byte[] bytes(ConsentDecision decision) {
        Buffer buffer = new Buffer();
        write(decision, buffer);
        return Arrays.copyOf(buffer.bytes, buffer.length);
    }

    private void write(ConsentDecision decision, Buffer out) {
        out.ascii("{\"decision\":");
        text(decision.decision(), out);
        out.ascii(decision.allowed() ? ",\"allowed\":true,\"reason\":" : ",\"allowed\":false,\"reason\":");
        text(decision.reason(), out);
        out.ascii(",\"explanation\":");
        text(decision.explanation(), out);
        out.ascii(",\"site\":");
        text(decision.site(), out);
        out.ascii(",\"subject\":");
        varying(decision.subject(), out);
        out.ascii(",\"purpose\":");
        text(decision.purpose(), out);
        out.ascii(",\"jurisdiction\":");
        text(decision.jurisdiction(), out);
        out.ascii(",\"legalBasis\":[");
        boolean first = true;
        for (ConsentDecision.Basis basis : decision.legalBasis()) {
            out.ascii(first ? "{\"key\":" : ",{\"key\":");
            text(basis.key(), out);
            out.ascii(",\"citation\":");
            text(basis.citation(), out);
            out.put('}');
            first = false;
        }
        out.ascii("],\"event\":");
        ConsentDecision.DecidingEvent event = decision.event();
        if (event == null) {
            out.ascii("null");
        } else {
            out.ascii("{\"id\":");
            uuid(event.id(), out);
            out.ascii(",\"seq\":");
            out.number(event.seq());
            out.ascii(",\"action\":");
            text(event.action(), out);
            out.ascii(",\"occurredAt\":");
            instant(event.occurredAt(), out);
            out.ascii(",\"noticeVersion\":");
            text(event.noticeVersion(), out);
            out.ascii(",\"receipt\":");
            varying(event.receipt(), out);
            out.put('}');
        }
        out.ascii(",\"at\":");
        instant(decision.at(), out);
        out.put('}');
    }

    /** A text that repeats between answers: its encoding is kept. */
    private void text(@Nullable String text, Buffer out) {
        if (text == null) {
            out.ascii("null");
            return;
        }
        byte[] bytes = encoded.get(text);
        if (bytes == null) {
            bytes = encode(text);
            if (encoded.size() < CACHED) {
                encoded.putIfAbsent(text, bytes);
            }
        }
        out.put(bytes);
    }

    /** A text that changes with every answer (an id, a receipt's address): written straight when plain. */
    private void varying(@Nullable String text, Buffer out) {
        if (text == null) {
            out.ascii("null");
        } else if (plain(text)) {
            out.put('"');
            out.ascii(text);
            out.put('"');
        } else {
            out.put(json.writeValueAsBytes(text));
        }
    }

    private byte[] encode(String text) {
        if (!plain(text)) {
            return json.writeValueAsBytes(text);
        }
        byte[] bytes = new byte[text.length() + 2];
        bytes[0] = '"';
        for (int i = 0; i < text.length(); i++) {
            bytes[i + 1] = (byte) text.charAt(i);
        }
        bytes[bytes.length - 1] = '"';
        return bytes;
    }

    /** Printable ASCII that JSON writes as it is: no quote, no backslash, no control character. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** As Jackson writes a {@link UUID}: its canonical text. */
    private static void uuid(UUID id, Buffer out) {
        out.put('"');
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        hex(high >>> 32, 8, out);
        out.put('-');
        hex(high >>> 16, 4, out);
        out.put('-');
        hex(high, 4, out);
        out.put('-');
        hex(low >>> 48, 4, out);
        out.put('-');
        hex(low, 12, out);
        out.put('"');
    }

    private static void hex(long value, int digits, Buffer out) {
        out.ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            out.bytes[out.length + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        out.length += digits;
    }

    private static void instant(Instant instant, Buffer out) {
        out.ensure(32);
        out.bytes[out.length++] = '"';
        char[] text = out.chars;
        int length = IsoInstantText.format(instant, text);
        if (length < 0) {
            out.ascii(instant.toString());
        } else {
            for (int i = 0; i < length; i++) {
                out.bytes[out.length + i] = (byte) text[i];
            }
            out.length += length;
        }
        out.put('"');
    }

    /** One request thread's bytes, kept for its next answer. */
    private static final class Buffer {

        private byte[] bytes = new byte[1024];
        private final char[] chars = new char[32];
        private int length;

        void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void put(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        void put(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
        }

        /** Text known to be ASCII. */
        void ascii(String text) {
            int size = text.length();
            ensure(size);
            for (int i = 0; i < size; i++) {
                bytes[length + i] = (byte) text.charAt(i);
            }
            length += size;
        }

        /** As {@link Long#toString(long)}, without the text. */
        void number(long value) {
            if (value < 0) {
                ascii(Long.toString(value));
                return;
            }
            int digits = 1;
            for (long rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            ensure(digits);
            long rest = value;
            for (int i = length + digits - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            length += digits;
        }
    }
}
