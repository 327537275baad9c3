package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTrustTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aBrowserIsTrustedUntilItsTrustEndsAndNotAMomentLonger() {
        DeviceTrust trust = new DeviceTrust(0, null, NOW.plus(Duration.ofDays(1)));

        assertThat(trust.trustedAt(NOW)).isTrue();
        assertThat(trust.trustedAt(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(trust.countsAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aLockSpendsTheTrustForGoodButTheBrowserCountsWhileLocked() {
        DeviceTrust locked = new DeviceTrust(5, NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofDays(300)));

        assertThat(locked.trustedAt(NOW)).isFalse();
        assertThat(locked.lockedAt(NOW)).isTrue();
        assertThat(locked.countsAt(NOW)).isTrue();
        assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(locked.trustedAt(NOW.plus(Duration.ofMinutes(16))))
                .as("after its lock a browser is one like any other")
                .isFalse();
        assertThat(locked.countsAt(NOW.plus(Duration.ofMinutes(16)))).isFalse();
    }
}
