package dev.steward.vault;

import dev.steward.platform.ChainProblem;
import dev.steward.platform.HashChain;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One verification of every evidence chain, as it is kept: who started it and when, how far it has come, and once it
 * is done what it found in each chain.
 *
 * @param status {@code running}, {@code finished}, {@code failed} (an error stopped it; the log says which) or
 *     {@code interrupted} (its node stopped)
 * @param initiator {@code console}, {@code api} or {@code schedule}
 * @param startedBy the member of staff who started it; none when the node's schedule did
 * @param rowsTotal the rows the chains' heads named when it started; chains that grow meanwhile are checked up to
 *     where they ended when each chain's turn came, so {@code rowsChecked} can end a little past it
 * @param intact whether every chain was intact; none before it finished
 * @param chains each chain's result once it finished, in the order they were checked
 */
record EvidenceVerification(
        UUID id,
        String status,
        String initiator,
        @Nullable String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long rowsChecked,
        long rowsTotal,
        @Nullable Boolean intact,
        List<Chain> chains) {

    public boolean running() {
        return status.equals("running");
    }

    /** Rows checked of those planned, in whole percent, at most 100. */
    public int percentDone() {
        return rowsTotal == 0 ? (running() ? 0 : 100) : (int) Math.min(100, rowsChecked * 100 / rowsTotal);
    }

    EvidenceVerification checked(long rows) {
        return new EvidenceVerification(
                id, status, initiator, startedBy, startedAt, finishedAt, rows, rowsTotal, intact, chains);
    }

    /**
     * One chain's result.
     *
     * @param brokenAt the first broken or missing row; none when the chain is intact
     * @param problem what is wrong with that row, in English (as the API answers it)
     * @param cause the same as a code with its figures, for the console to say in the reader's language
     * @param summary the whole result in one line, as {@code ledger verify} prints it
     */
    public record Chain(
            String chain,
            boolean intact,
            long rows,
            @Nullable Long brokenAt,
            @Nullable String problem,
            @Nullable ChainProblem cause,
            String summary) {

        static Chain of(HashChain.Verification verification) {
            return new Chain(
                    verification.chain(),
                    verification.intact(),
                    verification.rows(),
                    verification.brokenAt(),
                    verification.problem(),
                    verification.cause(),
                    verification.describe());
        }
    }
}
