package dev.steward.intake;

import dev.steward.platform.EmailAddresses;
import dev.steward.platform.SenderBuckets;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits how often one sender submits forms, and rights requests and their codes (the rights module shares these
 * buckets, so a sender cannot switch between them to double their allowance): per IP address (an IPv6 address's
 * /64, which one subscriber holds whole) and per e-mail address,
 * each a token bucket refilled over the window. Buckets live in memory on each node and are keyed by a hash of the IP address and by the e-mail
 * address's blind index, so not even memory holds the addresses themselves. Every attempt counts, refused or not.
 */
@Component
public class MisuseGuard {

    private final IntakeSettings.RateLimit limits;
    private final Identities identities;
    private final SenderBuckets buckets;

    MisuseGuard(IntakeSettings settings, Identities identities) {
        this.limits = settings.rateLimit();
        this.identities = identities;
        this.buckets = new SenderBuckets(limits.window());
    }

    /** Takes one submission from the sender's buckets; answers how long to wait when one of them is empty. */
    public Optional<Duration> admit(@Nullable String ipAddress, @Nullable Identifier email) {
        if (ipAddress != null) {
            Optional<Duration> wait = buckets.take(SenderBuckets.ipAddress(ipAddress), limits.perIp());
            if (wait.isPresent()) {
                return wait;
            }
        }
        if (email != null) {
            // per mailbox, not per spelling: ann+1@… and ann+2@… are one person's mail
            Identifier mailbox = Identifier.email(EmailAddresses.mailbox(email.value()));
            return buckets.take(SenderBuckets.hashed("email", identities.blindIndexOf(mailbox)), limits.perEmail());
        }
        return Optional.empty();
    }
}
