package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/**
 * Many subjects were erased at once: those a retention sweep's batch left without any record (one event per batch, so
 * that listeners clean up with one statement rather than one per subject). Each is erased as by {@link SubjectErased}.
 */
public record SubjectsErased(List<SubjectId> subjects, Instant erasedAt, String reason) implements ErasedSubjects {}
