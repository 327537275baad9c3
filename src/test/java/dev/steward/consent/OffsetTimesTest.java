package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The import's time reader answers and refuses exactly as {@link OffsetDateTime#parse} does. */
class OffsetTimesTest {

    @Test
    void readsEveryUsualShapeAsTheGeneralParserDoes() {
        SplittableRandom random = new SplittableRandom(130);
        long from = Instant.parse("0000-01-02T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-30T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = i % 3 == 0
                    ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds(random.nextInt(-17, 18) * 3600 + (i % 2) * 1800);
            String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(from, to + 1), nanos), offset)
                    .toString();
            assertThat(OffsetTimes.parse(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void edgesAndOtherShapesAnswerAsTheGeneralParser() {
        for (String text : new String[] {
            "2025-05-01T10:15:00Z",
            "2025-05-01T10:15:00.1Z",
            "2025-05-01T10:15:00.123456789Z",
            "2025-05-01T10:15:00-00:00",
            "2025-05-01T10:15:00+18:00",
            "2025-05-01T10:15:00-18:00",
            "2024-02-29T23:59:59+05:30",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2025-05-01T10:15Z",
            "2025-05-01t10:15:00z",
            "2025-05-01T10:15:00+02",
            "2025-05-01T10:15:00+02:00:30",
            "+12025-05-01T10:15:00Z",
            "2025-05-01T10:15:00+0200",
            "2025-05-01T10:15:00+18:30",
            "2025-05-01T10:15:00+19:00",
            "2025-05-01T10:15:00+02:60",
            "2025-05-01T10:15:00.Z",
        }) {
            assertAgree(text);
        }
    }

    @Test
    void refusesWhatTheGeneralParserRefuses() {
        for (String text : new String[] {
            "",
            "null",
            "2025-05-01",
            "2025-05-01T10:15:00",
            "2025-02-29T10:15:00Z",
            "2025-04-31T10:15:00Z",
            "2025-13-01T10:15:00Z",
            "2025-05-01T24:00:00Z",
            "2025-05-01T10:60:00Z",
            "2025-05-01T10:15:60Z",
            "2025-05-01T10:15:00.1234567891Z",
            "2025-05-01T10:15:00Zjunk",
            "2025-05-01 10:15:00Z",
            "2025-0a-01T10:15:00Z",
        }) {
            assertThatThrownBy(() -> OffsetDateTime.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> OffsetTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    private static void assertAgree(String text) {
        Instant general;
        try {
            general = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> OffsetTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(OffsetTimes.parse(text)).as(text).isEqualTo(general);
    }
}
