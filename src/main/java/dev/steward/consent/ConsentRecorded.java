package dev.steward.consent;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.UUID;

/** A consent action was appended to the ledger. Carries identifiers only. */
public record ConsentRecorded(
        UUID event, SubjectId subject, String site, String purpose, ConsentAction action, Instant occurredAt) {}
