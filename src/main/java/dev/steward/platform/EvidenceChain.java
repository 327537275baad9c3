package dev.steward.platform;

import java.util.Collection;
import java.util.Map;

/**
 * A hash-chained, append-only table of evidence (the consent ledger, the audit trail, the erasure log). Each module
 * that keeps one declares it as a bean, so that verification and signed checkpoints cover all of them.
 */
public interface EvidenceChain {

    String name();

    HashChain.Verification verify();

    /** The stored hashes of the rows with these sequence numbers, those that exist. */
    Map<Long, byte[]> hashesAt(Collection<Long> seqs);
}
