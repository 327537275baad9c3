package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token bucket per key: a second's worth of calls at once, then the wait until the next one. */
class ApiKeyRateLimitTest {

    @Test
    void aKeyGetsItsRateThenTheWaitForTheNextCallAndOtherKeysKeepTheirOwn() {
        ApiKeyRateLimit limit = new ApiKeyRateLimit(new ApiKeySettings(3));
        UUID key = UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit(key)).as("call %d", i + 1).isEmpty();
        }
        // the refused call is asked for its wait after the refusal: still the wait for one token, nothing taken
        assertThat(limit.admit(key))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(334)));
        assertThat(limit.admit(key)).isPresent();
        assertThat(limit.admit(UUID.randomUUID())).isEmpty();
    }
}
