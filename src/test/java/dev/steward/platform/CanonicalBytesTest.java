package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every hash chain recorded so far hashes the canonical bytes as they were first written (each name and value after
 * its length, the value as its text in UTF-8), so the encoding written straight into a buffer must give exactly
 * those bytes, for every kind of value the chains hold.
 */
class CanonicalBytesTest {

    @Test
    void encodesEveryKindOfValueAsTheTextItWasFirstHashedAs() {
        Random random = new Random(16);
        for (int row = 0; row < 20_000; row++) {
            List<Object> values = new ArrayList<>();
            for (int field = 0; field < 1 + random.nextInt(12); field++) {
                values.add(value(random));
            }
            Canonical canonical = Canonical.of("row-" + row);
            Reference reference = new Reference().add("kind", "row-" + row);
            for (int i = 0; i < values.size(); i++) {
                canonical.add("field" + i, values.get(i));
                reference.add("field" + i, values.get(i));
            }
            assertThat(canonical.bytes()).as("row %d: %s", row, values).isEqualTo(reference.bytes());
        }
    }

    @Test
    void fieldsEncodedAheadAreTheSameBytesAsFieldsAddedInPlace() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-05T06:58:01.123456789Z");
        byte[] fields =
                Canonical.fields().add("id", id).add("at", at).add("ü", "naïve").bytes();

        assertThat(Canonical.of("consent").add("seq", 7L).addEncoded(fields).bytes())
                .isEqualTo(Canonical.of("consent")
                        .add("seq", 7L)
                        .add("id", id)
                        .add("at", at)
                        .add("ü", "naïve")
                        .bytes());
    }

    private static Object value(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> new UUID(random.nextLong(), random.nextLong());
            case 2 -> UUID.randomUUID();
            case 3 -> Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            case 4 -> random.nextLong();
            case 5 -> random.nextBoolean();
            case 6 -> text(random, "abcdefghij-:@. ");
            case 7 -> text(random, "aäöüßé€日本語😀\u0000\u001f");
            default -> {
                byte[] raw = new byte[random.nextInt(300)];
                random.nextBytes(raw);
                yield raw;
            }
        };
    }

    private static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextBoolean() ? 10 : 600);
        while (text.length() < length) {
            text.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }

    /** The encoding as chains were first hashed with it: a stream, each length a four-byte big-endian int. */
    private static final class Reference {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Reference add(String name, Object value) {
            write(name.getBytes(StandardCharsets.UTF_8));
            if (value == null) {
                bytes.write(0);
                return this;
            }
            bytes.write(1);
            write(
                    value instanceof byte[] raw
                            ? raw
                            : (value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : value)
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        private void write(byte[] value) {
            bytes.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            bytes.writeBytes(value);
        }
    }
}
