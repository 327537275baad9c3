package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/** A data subject was erased: their key is destroyed and their records and identifiers are deleted. */
public record SubjectErased(SubjectId subject, Instant erasedAt, String reason) implements ErasedSubjects {

    @Override
    public List<SubjectId> subjects() {
        return List.of(subject);
    }
}
