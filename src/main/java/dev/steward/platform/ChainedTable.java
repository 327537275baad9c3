package dev.steward.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An evidence chain kept in one table with {@code seq}, {@code prev_hash} and {@code hash} columns. A module declares
 * its chain by naming the table and saying how a stored row reads back into the canonical bytes its hash covers.
 */
public abstract class ChainedTable implements EvidenceChain {

    private final String name;
    private final String table;
    private final JdbcClient jdbc;
    private final RowMapper<byte[]> canonical;
    private final ChainHeads heads;

    protected ChainedTable(String name, String table, JdbcClient jdbc, RowMapper<byte[]> canonical) {
        this.name = name;
        this.table = table;
        this.jdbc = jdbc;
        this.canonical = canonical;
        this.heads = new ChainHeads(jdbc);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The rows and the head are read in one snapshot, so that a row appended meanwhile is seen by both or neither.
     * (In a transaction at all, or PostgreSQL's driver ignores the fetch size and holds the whole table in memory.)
     */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public HashChain.Verification verify(LongConsumer checked) {
        ChainHeads.Head head = heads.current(name).orElse(null);
        try (Stream<HashChain.Row> rows = jdbc
                .sql("SELECT * FROM " + table + " ORDER BY seq")
                .withFetchSize(5000)
                .query((rs, number) -> new HashChain.Row(
                        rs.getLong("seq"), rs.getBytes("prev_hash"), rs.getBytes("hash"), canonical.mapRow(rs, number)))
                .stream()) {
            return HashChain.verify(name, rows.iterator(), head, checked);
        }
    }

    @Override
    public Map<Long, byte[]> hashesAt(Collection<Long> seqs) {
        Map<Long, byte[]> hashes = new HashMap<>();
        jdbc.sql("SELECT seq, hash FROM " + table + " WHERE seq = ANY(:seqs)")
                .param("seqs", seqs.toArray(Long[]::new))
                .query(rs -> {
                    hashes.put(rs.getLong(1), rs.getBytes(2));
                });
        return hashes;
    }
}
