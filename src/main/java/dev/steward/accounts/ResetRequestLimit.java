package dev.steward.accounts;

import dev.steward.platform.RateLimitedException;
import dev.steward.platform.SenderBuckets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How often one sender (an IP address, an IPv6 address's /64) may ask for password-reset links, on any login, counted
 * on each node. WHY: an account has at most three links waiting (PasswordResets), but one sender knowing many logins
 * could still have Steward mail each of them (attack23 O2). It is counted before the login is looked at, so the
 * answer says nothing of whether an account exists.
 */
@Component
class ResetRequestLimit {

    private final Settings settings;
    private final SenderBuckets buckets;

    ResetRequestLimit(Settings settings) {
        this.settings = settings;
        this.buckets = new SenderBuckets(settings.window());
    }

    /** Takes one request from the sender's bucket, or refuses it with when to try again. */
    void admit(String ipAddress) {
        buckets.take(SenderBuckets.ipAddress(ipAddress), settings.perIp()).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }

    /**
     * @param perIp reset requests one sender may make within the window
     */
    @ConfigurationProperties("steward.accounts.reset-requests")
    record Settings(
            @DefaultValue("30") int perIp,
            @DefaultValue("PT1H") Duration window) {}
}
