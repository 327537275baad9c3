package dev.steward.platform;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each hash chain currently ends. Appending locks the chain's head row for the rest of the transaction, so
 * rows of one chain are appended strictly one after another, on one node or many.
 */
@Repository
public class ChainHeads {

    private final JdbcClient jdbc;

    ChainHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head, locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Head lock(String chain) {
        jdbc.sql("INSERT INTO chain_head (chain, seq, hash) VALUES (:chain, 0, :genesis) ON CONFLICT DO NOTHING")
                .param("chain", chain)
                .param("genesis", HashChain.GENESIS)
                .update();
        return jdbc.sql("SELECT chain, seq, hash FROM chain_head WHERE chain = :chain FOR UPDATE")
                .param("chain", chain)
                .query((rs, row) -> new Head(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hash")))
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void advance(String chain, long seq, byte[] hash) {
        jdbc.sql("UPDATE chain_head SET seq = :seq, hash = :hash WHERE chain = :chain")
                .param("chain", chain)
                .param("seq", seq)
                .param("hash", hash)
                .update();
    }

    public Optional<Head> current(String chain) {
        return jdbc.sql("SELECT chain, seq, hash FROM chain_head WHERE chain = :chain")
                .param("chain", chain)
                .query((rs, row) -> new Head(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hash")))
                .optional();
    }

    /** The last row's sequence number (0 before the first) and hash. */
    public record Head(String chain, long seq, byte[] hash) {

        public long nextSeq() {
            return seq + 1;
        }
    }
}
