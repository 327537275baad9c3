package dev.steward.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The canonical byte form of an evidence row that its hash covers: each value is written with its name and its
 * length, so no two different rows can encode to the same bytes, and absent values are distinct from empty ones.
 */
public final class Canonical {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

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
        bytes.writeBytes(fields);
        return this;
    }

    public Canonical add(String name, @Nullable Object value) {
        write(name.getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            bytes.write(0);
            return this;
        }
        bytes.write(1);
        write(value instanceof byte[] raw ? raw : text(value).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    /** Instants at PostgreSQL's precision, so a row hashes the same before it is stored and after it is read. */
    private static String text(Object value) {
        return value instanceof Instant instant
                ? instant.truncatedTo(ChronoUnit.MICROS).toString()
                : value.toString();
    }

    private void write(byte[] value) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        bytes.writeBytes(value);
    }
}
