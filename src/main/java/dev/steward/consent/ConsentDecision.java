package dev.steward.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * May this person's data be used for this purpose at this instant? With the legal basis it rests on and the ledger
 * event that decided it.
 */
public record ConsentDecision(
        String decision,
        boolean allowed,
        String reason,
        String explanation,
        String site,
        @Nullable String subject,
        String purpose,
        @Nullable String jurisdiction,
        List<Basis> legalBasis,
        @Nullable DecidingEvent event,
        Instant at) {

    public record Basis(String key, String citation) {}

    public record DecidingEvent(
            UUID id, long seq, String action, Instant occurredAt, String noticeVersion, String receipt) {}
}
