package dev.steward.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The canonical byte form of an evidence row that its hash covers: each value is written with its name and its
 * length, so no two different rows can encode to the same bytes, and absent values are distinct from empty ones.
 */
public final class Canonical {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    // not a ByteArrayOutputStream, whose every write takes its lock and a length a ByteBuffer: the bulk paths encode
    // a few rows a person and this was a tenth of a seed's samples (bench/README.md, seed generator)
    private byte[] bytes = new byte[256];
    private int length;

    public static Canonical of(String kind) {
        return new Canonical().add("kind", kind);
    }

    /**
     * Fields without a kind, encoded ahead of the row they belong to: a chained row's sequence number comes first in
     * its canonical form but is known only once the chain's head is locked, so the rest is encoded before and
     * appended with {@link #addEncoded}.
     */
    public static Canonical fields() {
        return new Canonical();
    }

    /** Fields encoded by {@link #fields()}, as if each had been added here. */
    public Canonical addEncoded(byte[] fields) {
        System.arraycopy(fields, 0, room(fields.length), length, fields.length);
        length += fields.length;
        return this;
    }

    /** Writes the name, then the value's text (UTF-8) or bytes, each after its length; absent is not empty. */
    public Canonical add(String name, @Nullable Object value) {
        text(name);
        if (value == null) {
            room(1)[length++] = 0;
            return this;
        }
        room(1)[length++] = 1;
        if (value instanceof byte[] raw) {
            length(raw.length);
            addEncoded(raw);
        } else if (value instanceof UUID uuid) {
            uuid(uuid);
        } else {
            text(
                    value instanceof Instant instant
                            ? IsoInstantText.of(instant.truncatedTo(ChronoUnit.MICROS))
                            : value.toString());
        }
        return this;
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** The text's UTF-8 bytes after their length, written straight in when it is ASCII (names, keys, ids, times). */
    private void text(String text) {
        int chars = text.length();
        byte[] out = room(4 + chars);
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                length(utf8.length);
                addEncoded(utf8);
                return;
            }
            out[length + 4 + i] = (byte) c;
        }
        length(chars);
        length += chars;
    }

    /** As {@link UUID#toString()} writes it: lower-case hex, 8-4-4-4-12. */
    private void uuid(UUID uuid) {
        length(36);
        byte[] out = room(36);
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        hex(out, length, high >>> 32, 8);
        out[length + 8] = '-';
        hex(out, length + 9, high >>> 16, 4);
        out[length + 13] = '-';
        hex(out, length + 14, high, 4);
        out[length + 18] = '-';
        hex(out, length + 19, low >>> 48, 4);
        out[length + 23] = '-';
        hex(out, length + 24, low, 12);
        length += 36;
    }

    private static void hex(byte[] out, int at, long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    /** A length, as four bytes big-endian. */
    private void length(int value) {
        byte[] out = room(4);
        out[length] = (byte) (value >>> 24);
        out[length + 1] = (byte) (value >>> 16);
        out[length + 2] = (byte) (value >>> 8);
        out[length + 3] = (byte) value;
        length += 4;
    }

    /** The buffer, with room for this many more bytes after {@link #length}. */
    private byte[] room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
        return bytes;
    }
}
