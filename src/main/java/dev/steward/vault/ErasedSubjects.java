package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/**
 * Subjects were erased whole, one ({@link SubjectErased}) or many at once ({@link SubjectsErased}): a module that
 * deletes the same for either listens to this.
 */
public interface ErasedSubjects {

    List<SubjectId> subjects();

    Instant erasedAt();

    String reason();
}
