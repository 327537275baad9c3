package dev.steward.vault;

/**
 * What still needs a subject whose records are all gone: an account they sign in with, an open rights request. A
 * retention sweep erases a subject it left without records only when no module answers for them. The vault only
 * declares the question, as with {@link ErasureBlockers}, so that modules can answer it without depending on
 * retention.
 */
public interface SubjectKeepers {

    /**
     * An SQL condition on {@code s.id}, a subject's id, true while this module still needs the subject. The sweep
     * asks every module at once, in the statement that looks again at the people it has locked: on two busy cores a
     * round trip per module would cost each batch some 5–9 ms of waiting (bench/README.md, sweep7).
     */
    String keeps();
}
