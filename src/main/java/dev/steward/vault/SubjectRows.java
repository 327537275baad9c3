package dev.steward.vault;

import java.util.List;

/**
 * Rows a module keeps about people that go with them, in the same transaction, whenever they are erased: by their own
 * request, a rights request, retention or a replay after a restore. The module gives the statements; the vault runs
 * every module's together, in one round trip, right after {@link SubjectErased} or {@link SubjectsErased} is
 * published. A sweep's batch erases thousands of people at once, and on two busy cores each round trip would cost the
 * batch some 5–9 ms of waiting for a core (bench/README.md, sweep7). A module whose part needs a decision in Java (a
 * count, a choice per row) listens to the event instead; its listener runs before these statements.
 */
public interface SubjectRows {

    /**
     * SQL statements, run in the order given, each seeing what the ones before it did, with two parameters:
     * {@code :subjects}, the erased people's ids ({@code uuid[]}), and {@code :at}, the instant of their erasure.
     */
    List<String> erasure();
}
