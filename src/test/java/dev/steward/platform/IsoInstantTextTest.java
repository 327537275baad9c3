package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Canonical forms hash an instant's text, so the fast formatting must write exactly what {@link Instant#toString()}
 * writes, or every chain recorded before it would no longer verify; a consent decision's answer must read as Jackson
 * wrote it.
 */
class IsoInstantTextTest {

    @Test
    void writesWhatInstantToStringWritesForEveryKindOfInstant() {
        SplittableRandom random = new SplittableRandom(16);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(from, to + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            assertSameText(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    @Test
    void edgesOfDaysMonthsLeapYearsAndTheFourDigitYears() {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2000-02-29T12:00:00.001Z",
            "1900-02-28T23:59:59.000001Z",
            "2100-03-01T00:00:00Z",
            "2026-12-31T23:59:59.100Z",
            "0000-01-01T00:00:00Z",
            "0000-02-29T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z",
            "2026-12-05T03:28:00Z",
            "2026-12-05T00:00:00.100Z",
            "2026-12-05T03:28:14.123456Z",
            "2026-12-05T03:28:14.120Z",
            "2026-12-05T03:28:14.000000001Z",
            "1969-12-31T23:59:59.999999Z",
            "2024-02-29T12:00:00.5Z"
        }) {
            assertSameText(Instant.parse(text));
        }
        assertSameText(Instant.MAX);
        assertSameText(Instant.MIN);
    }

    /** Years outside 0000–9999 are refused (-1), for the caller to write them with {@code Instant.toString}. */
    private static void assertSameText(Instant instant) {
        assertThat(IsoInstantText.of(instant)).as("%s", instant).isEqualTo(instant.toString());
        char[] text = new char[32];
        int length = IsoInstantText.format(instant, text);
        String expected = instant.toString();
        if (expected.startsWith("+") || expected.startsWith("-")) {
            assertThat(length).as("%s", instant).isEqualTo(-1);
        } else {
            assertThat(new String(text, 0, length)).as("%s", instant).isEqualTo(expected);
        }
    }
}
