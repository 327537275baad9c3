package dev.steward.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail as stored, with its place in the chain. {@code reason} is the stored text (English for a
 * reason Steward words); {@code reasonCode} and {@code reasonArgs}, on entries written since reasons have codes, let
 * the console word it in the reader's language.
 */
public record AuditRecord(
        long seq,
        UUID id,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID subject,
        @Nullable String site,
        List<String> fields,
        @Nullable String reason,
        @Nullable String reasonCode,
        List<String> reasonArgs) {

    public AuditRecord {
        fields = List.copyOf(fields);
        reasonArgs = List.copyOf(reasonArgs);
    }
}
