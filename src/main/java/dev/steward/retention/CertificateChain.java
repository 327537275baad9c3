package dev.steward.retention;

import dev.steward.platform.ChainedTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The deletion certificates as evidence: verified and checkpointed with every other chain. */
@Component
class CertificateChain extends ChainedTable {

    CertificateChain(JdbcClient jdbc) {
        super(
                CertificateRepository.CHAIN,
                "deletion_certificate",
                jdbc,
                (rs, row) -> CertificateRepository.canonical(rs.getLong("seq"), CertificateRepository.draft(rs)));
    }
}
