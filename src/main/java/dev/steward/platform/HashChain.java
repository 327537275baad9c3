package dev.steward.platform;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A hash chain over append-only evidence: each row stores the hash of the row before it and
 * {@code SHA-256(previous hash || canonical row)}. Changing a row breaks its own hash; removing or reordering rows
 * breaks the next row's link; a gap in the sequence shows a removed row; and the chain's head, which names its last
 * row and that row's hash, shows the newest rows removed, since no row after them breaks.
 */
public final class HashChain {

    /** The "previous hash" of the first row of every chain. */
    public static final byte[] GENESIS = new byte[32];

    /** How many rows a verification checks between two reports of its progress. */
    public static final int PROGRESS_STEP = 10_000;

    private HashChain() {}

    public static byte[] link(byte[] previous, byte[] canonical) {
        return Sha256.digest(previous, canonical);
    }

    /** One stored row as the verifier sees it. */
    public record Row(long seq, byte[] previousHash, byte[] hash, byte[] canonical) {}

    /**
     * The outcome of a verification: how many rows were checked, and the first broken link if any, named by its
     * sequence number with what is wrong with it.
     *
     * @param cause what is wrong with the first broken row; none when the chain is intact
     * @param lastSeq the sequence number of the last row (0 when there is none)
     * @param head the hash of the last row
     */
    public record Verification(
            String chain,
            long rows,
            @Nullable Long brokenAt,
            @Nullable ChainProblem cause,
            long lastSeq,
            byte[] head) {

        public boolean intact() {
            return brokenAt == null;
        }

        /** What is wrong with the first broken row, in English; none when the chain is intact. */
        public @Nullable String problem() {
            return cause == null ? null : cause.english();
        }

        public String describe() {
            return intact()
                    ? chain + ": intact, " + rows + (rows == 1 ? " row" : " rows") + ", head "
                            + HexFormat.of().formatHex(head)
                    : chain + ": BROKEN at row " + brokenAt + ": " + problem();
        }
    }

    /**
     * Checks rows in sequence order, stopping at the first broken link, and then the last row against the chain's
     * head as the same snapshot of the database saw it (none: the chain has no row yet).
     *
     * @param checked told how many more rows were checked, every {@link #PROGRESS_STEP} rows and at the end
     */
    public static Verification verify(
            String chain, Iterator<Row> rows, ChainHeads.@Nullable Head head, LongConsumer checked) {
        Verification verified = verify(chain, rows, checked);
        return verified.intact() ? againstHead(verified, head) : verified;
    }

    private static Verification againstHead(Verification rows, ChainHeads.@Nullable Head head) {
        long headSeq = head == null ? 0 : head.seq();
        if (headSeq > rows.lastSeq()) {
            return broken(
                    rows,
                    rows.lastSeq() + 1,
                    headSeq == rows.lastSeq() + 1
                            ? ChainProblem.of("newest-row-removed", headSeq, rows.lastSeq())
                            : ChainProblem.of("newest-rows-removed", headSeq, rows.lastSeq(), rows.lastSeq() + 1));
        }
        if (headSeq < rows.lastSeq()) {
            return broken(rows, headSeq + 1, ChainProblem.of("past-head", headSeq));
        }
        if (head != null && !Arrays.equals(head.hash(), rows.head())) {
            return broken(rows, rows.lastSeq(), ChainProblem.of("head-hash-differs"));
        }
        return rows;
    }

    /** A verification of intact rows that something else (the head, a signed checkpoint) contradicts. */
    public static Verification broken(Verification rows, long seq, ChainProblem problem) {
        return new Verification(rows.chain(), rows.rows(), seq, problem, rows.lastSeq(), GENESIS);
    }

    private static Verification verify(String chain, Iterator<Row> rows, LongConsumer checked) {
        byte[] previous = GENESIS;
        long expectedSeq = -1;
        long lastSeq = 0;
        long count = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (expectedSeq >= 0 && row.seq() != expectedSeq) {
                return broken(chain, count, row.seq(), ChainProblem.of("row-missing", expectedSeq));
            }
            if (!Arrays.equals(row.previousHash(), previous)) {
                return broken(chain, count, row.seq(), ChainProblem.of("link-broken"));
            }
            if (!Arrays.equals(row.hash(), link(previous, row.canonical()))) {
                return broken(chain, count, row.seq(), ChainProblem.of("content-changed"));
            }
            previous = row.hash();
            lastSeq = row.seq();
            expectedSeq = row.seq() + 1;
            if (++count % PROGRESS_STEP == 0) {
                checked.accept(PROGRESS_STEP);
            }
        }
        checked.accept(count % PROGRESS_STEP);
        return new Verification(chain, count, null, null, lastSeq, previous);
    }

    private static Verification broken(String chain, long checked, long seq, ChainProblem problem) {
        return new Verification(chain, checked, seq, problem, 0, GENESIS);
    }
}
