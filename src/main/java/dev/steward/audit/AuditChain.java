package dev.steward.audit;

import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class AuditChain implements EvidenceChain {

    private final AuditRepository repository;

    AuditChain(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return AuditRepository.CHAIN;
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
