package dev.steward.consent;

import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class ConsentChain implements EvidenceChain {

    private final ConsentEventRepository repository;

    ConsentChain(ConsentEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return ConsentEventRepository.CHAIN;
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
