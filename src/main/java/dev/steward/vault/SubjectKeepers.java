package dev.steward.vault;

import java.util.Collection;
import java.util.Set;

/**
 * What still needs a subject whose records are all gone: an account they sign in with, an open rights request. A
 * retention sweep erases a subject it left without records only when no module answers for them. The vault only
 * declares the question, as with {@link ErasureBlockers}, so that modules can answer it without depending on
 * retention.
 */
public interface SubjectKeepers {

    /** Those of the subjects this module still needs; asked once per sweep batch, so answered in one query. */
    Set<SubjectId> keeping(Collection<SubjectId> subjects);
}
