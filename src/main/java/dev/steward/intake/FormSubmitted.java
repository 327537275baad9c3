package dev.steward.intake;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's submission of a catalog form was accepted and stored (for a child, once a parent confirmed). Carries
 * identifiers only; the fields are read through the vault.
 *
 * @param recipient the recipient the submission was routed to, if the form routes
 */
public record FormSubmitted(
        RecordId record,
        SubjectId subject,
        String site,
        String form,
        String activity,
        @Nullable String recipient,
        Instant submittedAt) {}
