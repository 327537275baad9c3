package dev.steward.disclosures;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded disclosure, with its place in the hash chain. */
public record Disclosure(
        long seq,
        UUID id,
        SubjectId subject,
        String site,
        String recipient,
        String activity,
        List<String> categories,
        @Nullable RecordId record,
        @Nullable String legalBasis,
        @Nullable String reason,
        Instant disclosedAt) {

    public Disclosure {
        categories = List.copyOf(categories);
    }
}
