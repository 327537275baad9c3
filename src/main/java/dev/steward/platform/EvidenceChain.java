package dev.steward.platform;

import java.util.Optional;

/**
 * A hash-chained, append-only table of evidence (the consent ledger, the audit trail, the erasure log). Each module
 * that keeps one declares it as a bean, so that verification and signed checkpoints cover all of them.
 */
public interface EvidenceChain {

    String name();

    HashChain.Verification verify();

    /** The stored hash of the row with this sequence number, if the row exists. */
    Optional<byte[]> hashAt(long seq);
}
