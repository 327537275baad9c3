package dev.steward.vault;

import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ErasureChain implements EvidenceChain {

    private final ErasureLogRepository repository;
    private final JdbcClient jdbc;

    ErasureChain(ErasureLogRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return ErasureLogRepository.CHAIN;
    }

    @Override
    public HashChain.Verification verify() {
        return repository.chain(rows -> HashChain.verify(name(), rows.iterator()));
    }

    @Override
    public Optional<byte[]> hashAt(long seq) {
        return jdbc.sql("SELECT hash FROM erasure_log WHERE seq = :seq")
                .param("seq", seq)
                .query(byte[].class)
                .optional();
    }
}
