package dev.steward.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends rows to a hash chain: one row at a time per chain, across all nodes, inside the caller's transaction. */
@Component
public class Chains {

    private final ChainHeads heads;

    Chains(ChainHeads heads) {
        this.heads = heads;
    }

    /** How a chained table stores one row: its canonical bytes (which include the sequence number), then the row. */
    public interface RowWriter {
        byte[] canonical(long seq);

        void insert(long seq, byte[] previousHash, byte[] hash);
    }

    public record Appended(long seq, byte[] hash) {}

    /**
     * How a chained table stores many rows at once: the canonical bytes of each, then all of them in one statement
     * (a multi-row INSERT or COPY), for bulk paths such as a retention sweep.
     */
    public interface BulkWriter<T> {
        byte[] canonical(T row, long seq);

        void insertAll(List<Linked<T>> rows);
    }

    /** A row with its place in the chain. */
    public record Linked<T>(T row, long seq, byte[] previousHash, byte[] hash) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(String chain, RowWriter row) {
        ChainHeads.Head head = heads.lock(chain);
        long seq = head.nextSeq();
        byte[] hash = HashChain.link(head.hash(), row.canonical(seq));
        row.insert(seq, head.hash(), hash);
        heads.advance(chain, seq, hash);
        return new Appended(seq, hash);
    }

    /**
     * Appends the rows in order, as {@link #append} would one by one, but links them in memory and hands them to the
     * writer in one call; the head is locked and advanced once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> List<Linked<T>> appendAll(String chain, List<T> rows, BulkWriter<T> writer) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Linked<T>> linked = link(heads.lock(chain), rows, writer::canonical);
        writer.insertAll(linked);
        Linked<T> last = linked.get(linked.size() - 1);
        heads.advance(chain, last.seq(), last.hash());
        return linked;
    }

    /**
     * Links the rows after the head in memory, without the database, for a caller that holds the head's lock through
     * a run of bulk appends (an import writing one batch while it links the next) and advances it as each is written.
     */
    public static <T> List<Linked<T>> link(ChainHeads.Head after, List<T> rows, CanonicalBytes<T> canonical) {
        long first = after.nextSeq();
        // the canonical bytes are the CPU-heavy part and independent of each other; only the linking is sequential
        byte[][] bytes = new byte[rows.size()][];
        IntStream.range(0, rows.size()).parallel().forEach(i -> bytes[i] = canonical.of(rows.get(i), first + i));
        List<Linked<T>> linked = new ArrayList<>(rows.size());
        byte[] previous = after.hash();
        for (int i = 0; i < bytes.length; i++) {
            byte[] hash = HashChain.link(previous, bytes[i]);
            linked.add(new Linked<>(rows.get(i), first + i, previous, hash));
            previous = hash;
        }
        return linked;
    }

    /** A row's canonical bytes at its place in the chain. */
    @FunctionalInterface
    public interface CanonicalBytes<T> {
        byte[] of(T row, long seq);
    }
}
