package dev.steward.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        return value instanceof Instant instant ? iso(instant.truncatedTo(ChronoUnit.MICROS)) : value.toString();
    }

    /**
     * Exactly {@link Instant#toString()} (ISO-8601, seconds always, the fraction in groups of three digits as needed),
     * without {@code DateTimeFormatter}: formatting the instants of the rows a bulk path chains was the largest part
     * of hashing them (bench/README.md, seed generator). Years outside 0000–9999 are left to the JDK.
     */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        char[] text = new char[30];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        int end = 19;
        if (nanos != 0) {
            text[end++] = '.';
            int places = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            digits(text, end, places == 3 ? nanos / 1_000_000 : places == 6 ? nanos / 1_000 : nanos, places);
            end += places;
        }
        text[end++] = 'Z';
        return new String(text, 0, end);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private void write(byte[] value) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        bytes.writeBytes(value);
    }
}
