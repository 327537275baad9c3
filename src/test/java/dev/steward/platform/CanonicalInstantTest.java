package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canonical forms hash an instant's text, so the fast formatting must write exactly what {@link Instant#toString()}
 * writes, or every chain recorded before it would no longer verify.
 */
class CanonicalInstantTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1970-01-01T00:00:00Z",
                "2026-12-05T03:28:14Z",
                "2026-12-05T03:28:00Z",
                "2026-12-05T00:00:00.100Z",
                "2026-12-05T03:28:14.000001Z",
                "2026-12-05T03:28:14.123456Z",
                "2026-12-05T03:28:14.120Z",
                "2026-12-05T03:28:14.000000001Z",
                "2026-12-05T03:28:14.999999999Z",
                "1969-12-31T23:59:59.999999Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z",
                "2024-02-29T12:00:00.5Z"
            })
    void writesWhatTheJdkWrites(String text) {
        Instant instant = Instant.parse(text);
        assertThat(Canonical.iso(instant)).isEqualTo(instant.toString());
    }

    @Test
    void writesWhatTheJdkWritesForAnyInstantOfTheseCenturies() {
        Random random = new Random(16);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), nanos);
            assertThat(Canonical.iso(instant))
                    .as("%d s %d ns", instant.getEpochSecond(), nanos)
                    .isEqualTo(instant.toString());
        }
    }
}
