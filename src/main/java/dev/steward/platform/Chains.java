package dev.steward.platform;

import java.util.ArrayList;
import java.util.List;
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

    /** How a chained table stores many rows at once: each row's canonical bytes for its sequence number. */
    public interface Batch {
        int size();

        byte[] canonical(int index, long seq);
    }

    /** A row of a batch with its place in the chain. */
    public record Link(long seq, byte[] previousHash, byte[] hash) {}

    /**
     * Appends a batch: locks the chain once, gives the rows consecutive sequence numbers, works out their canonical
     * bytes in parallel (the CPU-heavy part), links them in order and advances the head past them all. The caller
     * then writes the rows with their links (COPY) inside the same transaction, so a failure leaves no trace.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Link> appendAll(String chain, Batch batch) {
        ChainHeads.Head head = heads.lock(chain);
        long first = head.nextSeq();
        byte[][] canonical = new byte[batch.size()][];
        java.util.stream.IntStream.range(0, batch.size())
                .parallel()
                .forEach(i -> canonical[i] = batch.canonical(i, first + i));
        List<Link> links = new ArrayList<>(batch.size());
        byte[] previous = head.hash();
        for (int i = 0; i < canonical.length; i++) {
            byte[] hash = HashChain.link(previous, canonical[i]);
            links.add(new Link(first + i, previous, hash));
            previous = hash;
        }
        if (!links.isEmpty()) {
            heads.advance(chain, first + links.size() - 1, previous);
        }
        return links;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(String chain, RowWriter row) {
        ChainHeads.Head head = heads.lock(chain);
        long seq = head.nextSeq();
        byte[] hash = HashChain.link(head.hash(), row.canonical(seq));
        row.insert(seq, head.hash(), hash);
        heads.advance(chain, seq, hash);
        return new Appended(seq, hash);
    }
}
