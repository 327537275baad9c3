package dev.steward.disclosures;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import dev.steward.platform.Canonical;
import dev.steward.platform.Chains;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
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
        // encoded before the chain's head is locked, so that another transaction appending waits only for the linking
        Encoded[] encoded = new Encoded[disclosures.size()];
        IntStream.range(0, encoded.length)
                .parallel()
                .forEach(i -> encoded[i] = new Encoded(disclosures.get(i), fields(disclosures.get(i))));
        return chains
                .appendAll(CHAIN, Arrays.asList(encoded), new Chains.BulkWriter<>() {
                    @Override
                    public byte[] canonical(Encoded row, long seq) {
                        return DisclosureRepository.canonical(seq, row.fields());
                    }

                    @Override
                    public void insertAll(List<Chains.Linked<Encoded>> rows) {
                        copyAll(rows);
                    }
                })
                .stream()
                .map(linked -> withSeq(linked.row().disclosure(), linked.seq()))
                .toList();
    }

    /** A disclosure with its canonical form but the sequence number. */
    private record Encoded(Disclosure disclosure, byte[] fields) {}

    private void copyAll(List<Chains.Linked<Encoded>> linked) {
        BinaryCopyRows rows = new BinaryCopyRows();
        for (Chains.Linked<Encoded> link : linked) {
            Disclosure disclosure = withSeq(link.row().disclosure(), link.seq());
            rows.row(13)
                    .int8(disclosure.seq())
                    .uuid(disclosure.id())
                    .uuid(disclosure.subject().value())
                    .text(disclosure.site())
                    .text(disclosure.recipient())
                    .text(disclosure.activity())
                    .textArray(disclosure.categories())
                    .uuid(
                            disclosure.record() == null
                                    ? null
                                    : disclosure.record().value())
                    .text(disclosure.legalBasis())
                    .text(disclosure.reason())
                    .timestamp(disclosure.disclosedAt())
                    .bytea(link.previousHash())
                    .bytea(link.hash());
        }
        copy.copy(new BulkCopy.Pending(
                "COPY disclosure (seq, id, subject_id, site, recipient, activity, categories, record_id, legal_basis,"
                        + " reason, disclosed_at, prev_hash, hash) FROM STDIN (FORMAT binary)",
                rows));
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
        return canonical(disclosure.seq(), fields(disclosure));
    }

    private static byte[] canonical(long seq, byte[] fields) {
        return Canonical.of("disclosure").add("seq", seq).addEncoded(fields).bytes();
    }

    /** The canonical form's fields after the kind and the sequence number. */
    private static byte[] fields(Disclosure disclosure) {
        return Canonical.fields()
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
