package dev.steward.platform;

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
