package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import java.time.Instant;

/**
 * An account holder signed in (or was created): an {@code account-inactive P24M} retention rule counts its
 * period from the last such moment.
 */
public record AccountUsed(SubjectId subject, String site, Instant at) {}
