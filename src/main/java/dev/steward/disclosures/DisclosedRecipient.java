package dev.steward.disclosures;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recipient that received a subject's data, summed over all disclosures to it: whom to tell of a rectification,
 * erasure or restriction, and what to tell the subject who asks who received their data (GDPR Art. 19).
 */
public record DisclosedRecipient(
        String site,
        String recipient,
        String name,
        @Nullable String country,
        List<String> categories,
        long disclosures,
        Instant firstDisclosedAt,
        Instant lastDisclosedAt) {

    public DisclosedRecipient {
        categories = List.copyOf(categories);
    }
}
