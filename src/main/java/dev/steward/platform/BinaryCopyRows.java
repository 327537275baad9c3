package dev.steward.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: each value as its type's binary form, so that
 * neither side formats or parses text (timestamps, UUIDs and hashes in hex were most of the text format's cost on the
 * ledger's widest table). The caller adds the values of a row in the table's column order, with the method of each
 * column's type; the format is PostgreSQL's "Binary Format" of COPY (a signature, then per row a field count and each
 * field's length and bytes, then a trailer).
 */
public final class BinaryCopyRows implements CopyData {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int NULL = -1;
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    /** The type of a {@code text[]}'s elements, as an array's binary form names it. */
    private static final int TEXT_OID = 25;
    /** The type of a {@code uuid[]}'s elements. */
    private static final int UUID_OID = 2950;

    /** The signature, the flags and the length of the (absent) header extension. */
    private static final int HEADER = SIGNATURE.length + 8;

    // small: the bulk paths make one per subject on worker threads (see CopyRows); batches grow theirs by doubling
    private ByteBuffer buffer = ByteBuffer.allocate(256);
    private int rows;

    public BinaryCopyRows() {
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    /** Adds whole rows made elsewhere (e.g. on another thread). */
    public BinaryCopyRows append(BinaryCopyRows other) {
        int length = other.buffer.position() - HEADER;
        room(length).put(other.buffer.array(), HEADER, length);
        rows += other.rows;
        return this;
    }

    /** Adds the columns of an unfinished row made ahead (no {@link #row}), as if each had been added here. */
    public BinaryCopyRows columns(BinaryCopyRows columns) {
        int length = columns.buffer.position() - HEADER;
        room(length).put(columns.buffer.array(), HEADER, length);
        return this;
    }

    /** Starts a row of this many columns. */
    public BinaryCopyRows row(int columns) {
        room(2).putShort((short) columns);
        rows++;
        return this;
    }

    public BinaryCopyRows int8(long value) {
        room(12).putInt(8).putLong(value);
        return this;
    }

    public BinaryCopyRows uuid(@Nullable UUID value) {
        if (value == null) {
            return absent();
        }
        room(20).putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        return this;
    }

    public BinaryCopyRows bool(@Nullable Boolean value) {
        if (value == null) {
            return absent();
        }
        room(5).putInt(1).put((byte) (value ? 1 : 0));
        return this;
    }

    /** A {@code timestamptz}, to the microsecond as PostgreSQL keeps it (the text format's truncation too). */
    public BinaryCopyRows timestamp(@Nullable Instant value) {
        if (value == null) {
            return absent();
        }
        long micros = Math.addExact(
                Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1_000);
        room(12).putInt(8).putLong(micros);
        return this;
    }

    public BinaryCopyRows text(@Nullable String value) {
        return value == null ? absent() : bytea(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-dimensional {@code text[]} without nulls, in PostgreSQL's binary array form. */
    public BinaryCopyRows textArray(List<String> values) {
        byte[][] elements = new byte[values.size()][];
        int length = 0;
        for (int i = 0; i < elements.length; i++) {
            elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + elements[i].length;
        }
        ByteBuffer out = arrayHeader(elements.length, length, TEXT_OID);
        for (byte[] element : elements) {
            out.putInt(element.length).put(element);
        }
        return this;
    }

    /**
     * A one-dimensional {@code uuid[]} without null elements, or null: 20 bytes an element that PostgreSQL copies as
     * they are, where the text form takes 37 that it parses one by one (a sweep batch's tombstone names 20,000 records
     * and their subjects: its row took PostgreSQL 35–50 ms to COPY as text, 7–13 ms as binary; bench/README.md,
     * sweep13).
     */
    public BinaryCopyRows uuidArray(@Nullable List<UUID> values) {
        if (values == null) {
            return absent();
        }
        ByteBuffer out = arrayHeader(values.size(), 20 * values.size(), UUID_OID);
        for (UUID value : values) {
            out.putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        }
        return this;
    }

    /**
     * Room for a one-dimensional array of so many elements taking so many bytes (their lengths included), its length
     * and header written: dimensions, has-nulls flag, element type; then the dimension's size and lower bound.
     */
    private ByteBuffer arrayHeader(int elements, int elementBytes, int elementType) {
        int length = (elements == 0 ? 12 : 20) + elementBytes;
        ByteBuffer out = room(4 + length)
                .putInt(length)
                .putInt(elements == 0 ? 0 : 1)
                .putInt(0)
                .putInt(elementType);
        if (elements > 0) {
            out.putInt(elements).putInt(1);
        }
        return out;
    }

    public BinaryCopyRows bytea(byte @Nullable [] value) {
        if (value == null) {
            return absent();
        }
        room(4 + value.length).putInt(value.length).put(value);
        return this;
    }

    @Override
    public int rows() {
        return rows;
    }

    /** The whole COPY stream: what was added, then the trailer. */
    @Override
    public byte[] bytes() {
        byte[] all = Arrays.copyOf(buffer.array(), buffer.position() + 2);
        ByteBuffer.wrap(all, buffer.position(), 2).putShort((short) -1);
        return all;
    }

    private BinaryCopyRows absent() {
        room(4).putInt(NULL);
        return this;
    }

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            buffer = larger.put(buffer);
        }
        return buffer;
    }
}
