package dev.steward.audit;

import dev.steward.platform.ChainedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditChain extends ChainedTable {

    AuditChain(JdbcClient jdbc) {
        super(
                AuditRepository.CHAIN,
                "audit_event",
                jdbc,
                (rs, row) -> AuditRepository.canonical(AuditRepository.record(rs)));
    }
}
