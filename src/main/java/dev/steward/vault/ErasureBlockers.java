package dev.steward.vault;

import java.util.List;

/**
 * What keeps a subject's records from being erased now. Retention answers it (legal holds, statutory minimums); the
 * vault only declares the question, so that any module erasing at someone's wish can ask it without depending on the
 * modules that retention itself listens to.
 */
public interface ErasureBlockers {

    /** Everything that keeps any of the subject's records from being erased now; empty when nothing does. */
    List<ErasureBlocker> blockers(SubjectId subject);

    /**
     * Whether a legal hold keeps the subject itself (their identifiers and key), not only their records: then an
     * erasure may take records, but never the subject, even when no record is left.
     */
    boolean holdsSubject(SubjectId subject);
}
