package dev.steward.vault;

import dev.steward.platform.ChainedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ErasureChain extends ChainedTable {

    ErasureChain(JdbcClient jdbc) {
        super(
                ErasureLogRepository.CHAIN,
                "erasure_log",
                jdbc,
                (rs, row) -> ErasureLogRepository.canonical(rs.getLong("seq"), ErasureLogRepository.tombstone(rs)));
    }
}
