package dev.steward.vault;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * UUIDs in their usual text (lower-case hex, 8-4-4-4-12, as PostgreSQL and {@link UUID#toString()} write them) joined
 * by commas, read back without a substring and a {@code UUID.fromString} each: a sweep batch reads tens of thousands.
 */
final class UuidText {

    private static final int LENGTH = 36;

    private UuidText() {}

    /** The ids in the joined text, in order; none for an empty text. */
    static <T> List<T> parse(String joined, Function<UUID, T> id) {
        if (joined.isEmpty()) {
            return List.of();
        }
        if ((joined.length() + 1) % (LENGTH + 1) != 0) {
            throw new IllegalArgumentException("not UUIDs joined by commas (length " + joined.length() + ")");
        }
        int count = (joined.length() + 1) / (LENGTH + 1);
        Object[] ids = new Object[count];
        for (int i = 0; i < count; i++) {
            int at = i * (LENGTH + 1);
            if (at > 0 && joined.charAt(at - 1) != ',') {
                throw new IllegalArgumentException("not UUIDs joined by commas (at " + at + ")");
            }
            ids[i] = id.apply(uuid(joined, at));
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(ids);
        return List.copyOf(list);
    }

    private static UUID uuid(String text, int at) {
        dash(text, at + 8);
        dash(text, at + 13);
        dash(text, at + 18);
        dash(text, at + 23);
        long high = hex(text, at, 8) << 32 | hex(text, at + 9, 4) << 16 | hex(text, at + 14, 4);
        long low = hex(text, at + 19, 4) << 48 | hex(text, at + 24, 12);
        return new UUID(high, low);
    }

    private static void dash(String text, int at) {
        if (text.charAt(at) != '-') {
            throw new IllegalArgumentException("not a UUID at " + at);
        }
    }

    private static long hex(String text, int at, int digits) {
        long value = 0;
        for (int i = at; i < at + digits; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("not a UUID at " + i);
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
