package dev.steward.disclosures;

import dev.steward.platform.BulkCopy;
import dev.steward.platform.Canonical;
import dev.steward.platform.Chains;
import dev.steward.platform.CopyRows;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the disclosure log. Rows are appended to the hash chain and never updated or deleted. */
@Repository
class DisclosureRepository {

    static final String CHAIN = "disclosure";

    private final JdbcClient jdbc;
    private final Chains chains;
    private final BulkCopy copy;

    DisclosureRepository(JdbcClient jdbc, Chains chains, BulkCopy copy) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.copy = copy;
    }

    /** Appends the disclosure (its seq is assigned here) and answers it as stored. */
    Disclosure append(Disclosure disclosure) {
        long seq = chains.append(CHAIN, new Chains.RowWriter() {
                    @Override
                    public byte[] canonical(long seq) {
                        return DisclosureRepository.canonical(withSeq(disclosure, seq));
                    }

                    @Override
                    public void insert(long seq, byte[] previousHash, byte[] hash) {
                        insertRow(withSeq(disclosure, seq), previousHash, hash);
                    }
                })
                .seq();
        return withSeq(disclosure, seq);
    }

    /** Appends disclosures at once (seqs assigned here), by COPY; answers them as stored. */
    List<Disclosure> appendAll(List<Disclosure> disclosures) {
        return chains
                .appendAll(CHAIN, disclosures, new Chains.BulkWriter<>() {
                    @Override
                    public byte[] canonical(Disclosure row, long seq) {
                        return DisclosureRepository.canonical(withSeq(row, seq));
                    }

                    @Override
                    public void insertAll(List<Chains.Linked<Disclosure>> rows) {
                        copyAll(rows);
                    }
                })
                .stream()
                .map(linked -> withSeq(linked.row(), linked.seq()))
                .toList();
    }

    private void copyAll(List<Chains.Linked<Disclosure>> linked) {
        CopyRows rows = new CopyRows();
        for (Chains.Linked<Disclosure> link : linked) {
            Disclosure disclosure = withSeq(link.row(), link.seq());
            rows.add(disclosure.seq())
                    .add(disclosure.id())
                    .add(disclosure.subject().value())
                    .add(disclosure.site())
                    .add(disclosure.recipient())
                    .add(disclosure.activity())
                    .add(disclosure.categories())
                    .add(
                            disclosure.record() == null
                                    ? null
                                    : disclosure.record().value())
                    .add(disclosure.legalBasis())
                    .add(disclosure.reason())
                    .add(disclosure.disclosedAt())
                    .add(link.previousHash())
                    .add(link.hash())
                    .end();
        }
        copy.copy(
                "COPY disclosure (seq, id, subject_id, site, recipient, activity, categories, record_id, legal_basis,"
                        + " reason, disclosed_at, prev_hash, hash) FROM STDIN",
                rows);
    }

    private void insertRow(Disclosure disclosure, byte[] previousHash, byte[] hash) {
        jdbc.sql("""
                        INSERT INTO disclosure (seq, id, subject_id, site, recipient, activity, categories, record_id,
                            legal_basis, reason, disclosed_at, prev_hash, hash)
                        VALUES (:seq, :id, :subject, :site, :recipient, :activity, :categories, :record, :basis,
                            :reason, :at, :prev, :hash)
                        """)
                .param("seq", disclosure.seq())
                .param("id", disclosure.id())
                .param("subject", disclosure.subject().value())
                .param("site", disclosure.site())
                .param("recipient", disclosure.recipient())
                .param("activity", disclosure.activity())
                .param("categories", disclosure.categories().toArray(String[]::new))
                .param(
                        "record",
                        disclosure.record() == null ? null : disclosure.record().value())
                .param("basis", disclosure.legalBasis())
                .param("reason", disclosure.reason())
                .param("at", disclosure.disclosedAt().atOffset(ZoneOffset.UTC))
                .param("prev", previousHash)
                .param("hash", hash)
                .update();
    }

    static byte[] canonical(Disclosure disclosure) {
        return Canonical.of("disclosure")
                .add("seq", disclosure.seq())
                .add("id", disclosure.id())
                .add("subject", disclosure.subject())
                .add("site", disclosure.site())
                .add("recipient", disclosure.recipient())
                .add("activity", disclosure.activity())
                .add("categories", String.join("\u001f", disclosure.categories()))
                .add("record", disclosure.record())
                .add("basis", disclosure.legalBasis())
                .add("reason", disclosure.reason())
                .add("at", disclosure.disclosedAt())
                .bytes();
    }

    private static Disclosure withSeq(Disclosure disclosure, long seq) {
        return new Disclosure(
                seq,
                disclosure.id(),
                disclosure.subject(),
                disclosure.site(),
                disclosure.recipient(),
                disclosure.activity(),
                disclosure.categories(),
                disclosure.record(),
                disclosure.legalBasis(),
                disclosure.reason(),
                disclosure.disclosedAt());
    }

    List<Disclosure> of(SubjectId subject) {
        return jdbc.sql("SELECT * FROM disclosure WHERE subject_id = :subject ORDER BY seq")
                .param("subject", subject.value())
                .query((rs, row) -> disclosure(rs))
                .list();
    }

    static Disclosure disclosure(ResultSet rs) throws SQLException {
        UUID record = rs.getObject("record_id", UUID.class);
        return new Disclosure(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                rs.getString("site"),
                rs.getString("recipient"),
                rs.getString("activity"),
                Arrays.asList((String[]) rs.getArray("categories").getArray()),
                record == null ? null : new RecordId(record),
                rs.getString("legal_basis"),
                rs.getString("reason"),
                rs.getObject("disclosed_at", OffsetDateTime.class).toInstant());
    }
}
