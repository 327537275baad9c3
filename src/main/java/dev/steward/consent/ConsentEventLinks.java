package dev.steward.consent;

import dev.steward.platform.BinaryCopyRows;
import dev.steward.platform.BulkCopy;
import dev.steward.platform.Canonical;
import dev.steward.platform.ChainHeads;
import dev.steward.platform.Chains;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Consent events as links of the ledger's hash chain: the canonical bytes each link hashes (what {@code ledger
 * verify} recomputes), and events linked in memory after a head with the binary COPY that writes them, for the bulk
 * paths. The SQL that reads and appends single events is {@link ConsentEventRepository}.
 */
final class ConsentEventLinks {

    private ConsentEventLinks() {}

    /**
     * An event to append with its sealed evidence, and its canonical form but the sequence number, encoded ahead of
     * taking the chain's head: only the linking need wait for the head's lock.
     */
    record Sealed(ConsentEvent event, byte @Nullable [] evidence, byte[] fields) {

        static Sealed of(ConsentEvent event, byte @Nullable [] evidence) {
            return new Sealed(event, evidence, ConsentEventLinks.fields(event, evidence));
        }
    }

    /** Events linked after a head in memory: as they will be stored, and the COPY that writes them. */
    record Linked(List<ConsentEvent> events, BulkCopy.Pending copy, ChainHeads.Head head) {}

    /**
     * Links the events (seqs assigned here) with their sealed evidence after the head, without the database: the
     * caller holds the head's lock ({@link ChainHeads#lock}), writes the copy and then advances the head to the one
     * answered.
     */
    static Linked link(ChainHeads.Head after, List<Sealed> events) {
        List<Chains.Linked<Sealed>> linked = Chains.link(after, events, (row, seq) -> canonical(seq, row.fields()));
        Chains.Linked<Sealed> last = linked.get(linked.size() - 1);
        return new Linked(
                linked.stream()
                        .map(link -> withSeq(link.row().event(), link.seq()))
                        .toList(),
                copyOf(linked),
                new ChainHeads.Head(after.chain(), last.seq(), last.hash()));
    }

    /** In {@link ConsentEventRepository#COLUMNS}' order, each value in its column's binary form. */
    private static BulkCopy.Pending copyOf(List<Chains.Linked<Sealed>> linked) {
        BinaryCopyRows rows = new BinaryCopyRows();
        for (Chains.Linked<Sealed> link : linked) {
            ConsentEvent event = link.row().event();
            rows.row(20)
                    .int8(link.seq())
                    .uuid(event.id())
                    .uuid(event.subject().value())
                    .text(event.site())
                    .text(event.purpose())
                    .text(event.activity())
                    .text(event.action().key())
                    .text(event.noticeVersion())
                    .text(event.wordingSha256())
                    .text(event.method())
                    .timestamp(event.occurredAt())
                    .text(event.jurisdiction())
                    .bool(event.byParent())
                    .text(event.evidenceRef())
                    .bytea(link.row().evidence())
                    .timestamp(event.expiresAt())
                    .bytea(link.previousHash())
                    .bytea(link.hash())
                    .text(event.noticeLanguage())
                    .text(event.noticeSha256());
        }
        return new BulkCopy.Pending(
                "COPY consent_event (" + ConsentEventRepository.COLUMNS + ") FROM STDIN (FORMAT binary)", rows);
    }

    static byte[] canonical(ConsentEvent event, byte @Nullable [] evidence) {
        return canonical(event.seq(), fields(event, evidence));
    }

    private static byte[] canonical(long seq, byte[] fields) {
        return Canonical.of("consent").add("seq", seq).addEncoded(fields).bytes();
    }

    /** The canonical form's fields after the kind and the sequence number. */
    private static byte[] fields(ConsentEvent event, byte @Nullable [] evidence) {
        Canonical canonical = Canonical.fields()
                .add("id", event.id())
                .add("subject", event.subject())
                .add("site", event.site())
                .add("purpose", event.purpose())
                .add("activity", event.activity())
                .add("action", event.action().key())
                .add("notice", event.noticeVersion())
                .add("wording", event.wordingSha256())
                .add("method", event.method())
                .add("at", event.occurredAt())
                .add("jurisdiction", event.jurisdiction())
                .add("parent", event.byParent())
                .add("ref", event.evidenceRef())
                .add("evidence", evidence)
                .add("expires", event.expiresAt());
        // events recorded before renditions were named hash as they did then
        if (event.noticeLanguage() != null) {
            canonical.add("noticeLanguage", event.noticeLanguage()).add("noticeSha256", event.noticeSha256());
        }
        return canonical.bytes();
    }

    static ConsentEvent withSeq(ConsentEvent event, long seq) {
        return new ConsentEvent(
                seq,
                event.id(),
                event.subject(),
                event.site(),
                event.purpose(),
                event.activity(),
                event.action(),
                event.noticeVersion(),
                event.wordingSha256(),
                event.method(),
                event.occurredAt(),
                event.jurisdiction(),
                event.byParent(),
                event.evidenceRef(),
                event.expiresAt(),
                event.noticeLanguage(),
                event.noticeSha256());
    }
}
