package dev.steward.cookies;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one IP address may record a cookie choice, counted on each node. A visitor chooses a few times at most;
 * a script recording choices by the thousand would only fill the ledger.
 *
 * @param choicesPerIp choices one IP address may record within the window
 */
@ConfigurationProperties("steward.cookies")
record CookieSettings(
        @DefaultValue("60") int choicesPerIp,
        @DefaultValue("PT10M") Duration window) {}
