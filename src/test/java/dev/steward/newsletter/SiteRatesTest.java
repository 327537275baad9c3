package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-site sending rate: a site's messages wait for their turn, and one site's turn is not another's. */
class SiteRatesTest {

    private final SiteRates rates = new SiteRates(new NewsletterSettings(
            Duration.ofSeconds(5),
            200,
            2,
            3,
            Map.of("omron-healthcare", 1, "lab", 0),
            Duration.ofMinutes(1),
            null,
            null));

    @Test
    void aSiteSendsNoMoreThanItsRateAndOtherSitesKeepTheirOwn() {
        assertThat(IntStream.range(0, 3).mapToObj(i -> rates.acquire("olympus-ims", Duration.ZERO)))
                .as("a second's worth at once")
                .containsOnly(true);
        assertThat(rates.acquire("olympus-ims", Duration.ZERO))
                .as("the fourth in the same second must wait")
                .isFalse();

        assertThat(rates.acquire("omron-healthcare", Duration.ZERO)).isTrue();
        assertThat(rates.acquire("omron-healthcare", Duration.ZERO))
                .as("Omron's own rate of one a second")
                .isFalse();
        assertThat(rates.acquire("omron-healthcare", Duration.ofSeconds(3)))
                .as("its turn comes within a second")
                .isTrue();

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> rates.acquire("lab", Duration.ZERO)))
                .as("a rate of 0 is no limit")
                .containsOnly(true);
    }
}
