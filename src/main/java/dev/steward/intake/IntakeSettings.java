package dev.steward.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How forms are protected and how long links in their e-mails stay valid.
 *
 * @param rateLimit submissions allowed per sender in a window, counted on each node
 * @param parentLinkValidFor how long a parent has to confirm a child's submission before it is erased
 * @param confirmationLinkValidFor how long a double opt-in link works
 * @param heldSweepInterval how often held submissions past their parent's deadline are looked for
 */
@ConfigurationProperties("steward.intake")
record IntakeSettings(
        RateLimit rateLimit,
        Duration parentLinkValidFor,
        Duration confirmationLinkValidFor,
        Duration heldSweepInterval) {

    /**
     * @param perIp submissions from one IP address within the window
     * @param perEmail submissions naming one e-mail address within the window
     */
    record RateLimit(int perIp, int perEmail, Duration window) {}
}
