package dev.steward.disclosures;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subject's data was disclosed to a recipient. Ids and catalog keys only. */
public record DataDisclosed(
        UUID disclosure,
        SubjectId subject,
        String site,
        String recipient,
        String activity,
        List<String> categories,
        Instant disclosedAt) {

    public DataDisclosed {
        categories = List.copyOf(categories);
    }
}
