package dev.steward.rights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong verification codes one address may collect, across all its requests, before codes for it are refused
 * for a while. Five wrong codes end one request; without a count per address a new request would bring five fresh
 * guesses at once, and a six-digit code falls to a patient loop.
 *
 * @param perAddress wrong codes for one address within the window; the next attempt is refused until the oldest of
 *     them leaves the window
 * @param window how long a wrong code counts
 */
@ConfigurationProperties("steward.rights.wrong-codes")
record WrongCodeSettings(
        @DefaultValue("10") int perAddress,
        @DefaultValue("PT24H") Duration window) {}
