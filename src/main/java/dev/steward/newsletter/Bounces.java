package dev.steward.newsletter;

import dev.steward.consent.CollectionMethod;
import dev.steward.vault.Identifier;
import dev.steward.vault.SuppressionList;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the operator's mail system reports back about campaign messages. A hard bounce (the mailbox or domain does not
 * exist) marks the message bounced and suppresses the address, so no campaign tries it again; a soft bounce is the
 * receiving side's to retry and changes nothing; a complaint counts and unsubscribes the person from the list; a mail
 * to the unsubscribe address unsubscribes as the link does.
 */
@Service
class Bounces {

    private final CampaignMessageRepository messages;
    private final CampaignRepository campaigns;
    private final SuppressionList suppression;
    private final Unsubscribes unsubscribes;
    private final UnsubscribeTokens tokens;

    Bounces(
            CampaignMessageRepository messages,
            CampaignRepository campaigns,
            SuppressionList suppression,
            Unsubscribes unsubscribes,
            UnsubscribeTokens tokens) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.suppression = suppression;
        this.unsubscribes = unsubscribes;
        this.tokens = tokens;
    }

    /** What was done, as a stable code: hard-bounce, soft-bounce, complaint, unsubscribed, or unknown-message. */
    @Transactional
    String handle(InboundMail.Report report) {
        if (report instanceof InboundMail.Report.Bounce bounce) {
            return bounce(bounce.messageId(), bounce.hard());
        }
        if (report instanceof InboundMail.Report.Complaint complaint) {
            return complaint(complaint.messageId());
        }
        if (report instanceof InboundMail.Report.Unsubscribe unsubscribe) {
            return unsubscribe(unsubscribe.token(), "unsubscribed");
        }
        return "unknown-message";
    }

    private String bounce(String messageId, boolean hard) {
        Optional<CampaignMessage> message = message(messageId);
        if (message.isEmpty()) {
            return "unknown-message";
        }
        if (!hard) {
            return "soft-bounce";
        }
        messages.markBounced(message.get().id());
        suppression.addIndex(message.get().emailIndex(), Identifier.Kind.EMAIL);
        return "hard-bounce";
    }

    private String complaint(String messageId) {
        Optional<CampaignMessage> message = message(messageId);
        if (message.isEmpty()) {
            return "unknown-message";
        }
        campaigns.count(message.get().campaign(), CampaignRepository.Counter.COMPLAINTS);
        return unsubscribe(tokens.of(message.get().id()), "complaint");
    }

    private String unsubscribe(String token, String done) {
        return unsubscribes
                .find(token)
                .map(subscription -> {
                    unsubscribes.unsubscribe(subscription, Set.of(), CollectionMethod.UNSUBSCRIBE_MAIL, null, null);
                    return done;
                })
                .orElse("unknown-message");
    }

    private Optional<CampaignMessage> message(String messageId) {
        String id = InboundMail.localPart(messageId);
        try {
            return id == null ? Optional.empty() : messages.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
