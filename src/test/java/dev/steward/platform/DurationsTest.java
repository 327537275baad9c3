package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    private final Durations durations = new Durations();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "P6M    | 6 months",
                "P1Y    | 1 year",
                "P10Y   | 10 years",
                "P1Y6M  | 1 year and 6 months",
                "P1Y2M3D| 1 year, 2 months and 3 days",
                "P30D   | 30 days",
                "PT30M  | 30 minutes",
                "PT1H30M| 1 hour and 30 minutes",
                "P0D    | no time at all"
            })
    void statesAnIsoLengthOfTimeInWords(String iso, String words) {
        assertThat(durations.words(iso)).isEqualTo(words);
    }
}
