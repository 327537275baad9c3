package dev.steward.staff;

import dev.steward.platform.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many calls one API key may make per second on each node, bursts of up to a second's worth included.
 *
 * @param requestsPerSecond calls per second and key; beyond it a call is answered 429 with {@code Retry-After}
 */
@ConfigurationProperties("steward.api-keys")
record ApiKeySettings(@DefaultValue("2000") int requestsPerSecond) {

    ApiKeySettings {
        if (requestsPerSecond < 1) {
            throw new InvalidSettingException("STEWARD_API_KEY_RATE: '" + requestsPerSecond
                    + "' is not a number of calls per second of 1 or more.");
        }
    }
}
