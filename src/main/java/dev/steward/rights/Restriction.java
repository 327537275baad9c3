package dev.steward.rights;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A restriction of processing (GDPR Art. 18) of a subject's data on a site. */
public record Restriction(
        UUID id,
        SubjectId subject,
        String site,
        @Nullable String activity,
        String ground,
        @Nullable UUID request,
        Instant since,
        @Nullable Instant liftingNoticedAt,
        @Nullable Instant liftedAt) {}
