package dev.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the audit trail as stored, with its place in the chain. */
public record AuditRecord(
        long seq,
        UUID id,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID subject,
        @Nullable String site,
        List<String> fields,
        @Nullable String reason) {}
