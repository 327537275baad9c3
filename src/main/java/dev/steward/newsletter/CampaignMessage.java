package dev.steward.newsletter;

import dev.steward.vault.SubjectId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a campaign, to one person: the blind index of their address and the subject it was found under.
 * Nothing here names the person; the address is decrypted from the vault when the message goes.
 */
record CampaignMessage(
        UUID id,
        UUID campaign,
        byte[] emailIndex,
        SubjectId subject,
        MessageStatus status,
        @Nullable String reason,
        boolean bounced) {}
