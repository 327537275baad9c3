package dev.steward.retention;

import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The deletion certificates as evidence: verified and checkpointed with every other chain. */
@Component
class CertificateChain implements EvidenceChain {

    private final CertificateRepository repository;

    CertificateChain(CertificateRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return CertificateRepository.CHAIN;
    }

    @Override
    public HashChain.Verification verify() {
        return repository.chain(rows -> HashChain.verify(name(), rows.iterator()));
    }

    @Override
    public Optional<byte[]> hashAt(long seq) {
        return repository.hashAt(seq);
    }
}
