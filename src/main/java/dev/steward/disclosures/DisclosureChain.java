package dev.steward.disclosures;

import dev.steward.platform.ChainedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Puts the disclosure log under {@code ledger verify} and the signed checkpoints, like every evidence chain. */
@Component
class DisclosureChain extends ChainedTable {

    DisclosureChain(JdbcClient jdbc) {
        super(
                DisclosureRepository.CHAIN,
                "disclosure",
                jdbc,
                (rs, row) -> DisclosureRepository.canonical(DisclosureRepository.disclosure(rs)));
    }
}
