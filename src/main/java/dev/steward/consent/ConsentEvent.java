package dev.steward.consent;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event of the consent ledger as stored (the encrypted connection evidence aside). Where the person gave it on a
 * page of Steward's, {@code noticeLanguage} and {@code noticeSha256} name the rendition of the notice version they
 * were shown (its language, and the SHA-256 of the page as stored).
 */
public record ConsentEvent(
        long seq,
        UUID id,
        SubjectId subject,
        String site,
        String purpose,
        @Nullable String activity,
        ConsentAction action,
        String noticeVersion,
        @Nullable String wordingSha256,
        String method,
        Instant occurredAt,
        String jurisdiction,
        boolean byParent,
        @Nullable String evidenceRef,
        @Nullable Instant expiresAt,
        @Nullable String noticeLanguage,
        @Nullable String noticeSha256) {

    /** How the evidence of an event an integrator relayed names the API key it came with: {@code api-key:<id>}. */
    public static final String RELAYED_BY = "api-key:";

    /** How the evidence of an event staff recorded on a person's behalf names its audit entry: {@code audit:<id>}. */
    static final String RECORDED_ON_BEHALF = "audit:";

    /** The API key that relayed the event, when an integrator did. */
    public Optional<UUID> relayedBy() {
        if (evidenceRef == null || !evidenceRef.startsWith(RELAYED_BY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(evidenceRef.substring(RELAYED_BY.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a reference is one Steward writes itself, which an import may not claim. */
    static boolean stewardsOwn(String evidenceRef) {
        return evidenceRef.startsWith(RELAYED_BY) || evidenceRef.startsWith(RECORDED_ON_BEHALF);
    }

    /** Where the signed receipt of this event can be fetched. */
    public String receiptPath() {
        return "/receipts/" + id;
    }

    /** Whether, at the instant, this event still lets processing on consent go on. */
    public boolean grantsAt(Instant instant) {
        return action.grants() && (expiresAt == null || instant.isBefore(expiresAt));
    }
}
