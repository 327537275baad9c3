package dev.steward.inquiries;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Instant;

/**
 * Staff closed an inquiry: the correspondence is terminated, which starts the retention clock of its record
 * (a catalog rule such as {@code case-closed + P30D}).
 */
public record CaseClosed(RecordId record, SubjectId subject, String site, String activity, Instant closedAt) {}
