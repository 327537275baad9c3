package dev.steward.platform;

import java.util.Collection;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A hash-chained, append-only table of evidence (the consent ledger, the audit trail, the erasure log). Each module
 * that keeps one declares it as a bean, so that verification and signed checkpoints cover all of them.
 */
public interface EvidenceChain {

    String name();

    /**
     * Checks the whole chain.
     *
     * @param checked told how many more rows were checked as the verification goes
     */
    HashChain.Verification verify(LongConsumer checked);

    /** The stored hashes of the rows with these sequence numbers, those that exist. */
    Map<Long, byte[]> hashesAt(Collection<Long> seqs);
}
