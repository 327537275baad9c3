package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Trusted proxies are addresses and CIDR blocks, never regular expressions: Tomcat reads a bare {@code 10.0.0.1} as
 * a pattern whose dots match any character, so each address becomes a block of one host.
 */
class TransportSettingsTest {

    @Test
    void addressesBecomeBlocksOfOneHostAndBlocksStayAsTheyAre() {
        assertThat(TransportSettings.proxies(" 10.0.0.1, 192.168.0.0/16,::1 ,2001:db8::/32"))
                .isEqualTo("10.0.0.1/32, 192.168.0.0/16, ::1/128, 2001:db8::/32");
        assertThat(TransportSettings.proxies("")).as("none trusted").isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        for (String wrong :
                new String[] {"proxy.internal", "cafe", "10.0.0.0/33", "10.0.0.*", "10.0.0.0/x", "::1/129", "300.1.1.1"
                }) {
            assertThatThrownBy(() -> TransportSettings.proxies(wrong))
                    .as(wrong)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("STEWARD_TRUSTED_PROXIES: '" + wrong.strip() + "' is neither");
        }
    }
}
