package dev.steward.platform;

import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    protected ChainedTable(String name, String table, JdbcClient jdbc, RowMapper<byte[]> canonical) {
        this.name = name;
        this.table = table;
        this.jdbc = jdbc;
        this.canonical = canonical;
    }

    @Override
    public String name() {
        return name;
    }

    // in a transaction, or PostgreSQL's driver ignores the fetch size and holds the whole table in memory at once
    @Override
    @Transactional(readOnly = true)
    public HashChain.Verification verify() {
        try (Stream<HashChain.Row> rows = jdbc
                .sql("SELECT * FROM " + table + " ORDER BY seq")
                .withFetchSize(5000)
                .query((rs, number) -> new HashChain.Row(
                        rs.getLong("seq"), rs.getBytes("prev_hash"), rs.getBytes("hash"), canonical.mapRow(rs, number)))
                .stream()) {
            return HashChain.verify(name, rows.iterator());
        }
    }

    @Override
    public Optional<byte[]> hashAt(long seq) {
        return jdbc.sql("SELECT hash FROM " + table + " WHERE seq = :seq")
                .param("seq", seq)
                .query(byte[].class)
                .optional();
    }
}
