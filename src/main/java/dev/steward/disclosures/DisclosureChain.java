package dev.steward.disclosures;

import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Puts the disclosure log under {@code ledger verify} and the signed checkpoints, like every evidence chain. */
@Component
class DisclosureChain implements EvidenceChain {

    private final DisclosureRepository repository;

    DisclosureChain(DisclosureRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return DisclosureRepository.CHAIN;
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
