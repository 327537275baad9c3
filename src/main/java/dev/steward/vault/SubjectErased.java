package dev.steward.vault;

import java.time.Instant;

/** A data subject was erased: their key is destroyed and their records and identifiers are deleted. */
public record SubjectErased(SubjectId subject, Instant erasedAt, String reason) {}
