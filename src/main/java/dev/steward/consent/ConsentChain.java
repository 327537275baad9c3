package dev.steward.consent;

import dev.steward.platform.ChainedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ConsentChain extends ChainedTable {

    ConsentChain(JdbcClient jdbc) {
        super(
                ConsentEventRepository.CHAIN,
                "consent_event",
                jdbc,
                (rs, row) ->
                        ConsentEventLinks.canonical(ConsentEventRepository.event(rs), rs.getBytes("evidence_enc")));
    }
}
