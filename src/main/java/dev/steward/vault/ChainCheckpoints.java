package dev.steward.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.steward.platform.ChainHeads;
import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
import dev.steward.platform.ScrapedState;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the head of every evidence chain from time to time, and verifies chains against those signatures. A chain
 * rewritten consistently from some row on (every hash recomputed) still contradicts an earlier signed checkpoint.
 */
@Service
public class ChainCheckpoints implements ScrapedState {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    static final String TYPE = "chain-checkpoint+jwt";

    private final List<EvidenceChain> chains;
    private final ChainHeads heads;
    private final Signatures signatures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EvidenceMetrics metrics;

    ChainCheckpoints(
            List<EvidenceChain> chains,
            ChainHeads heads,
            Signatures signatures,
            JdbcClient jdbc,
            Clock clock,
            EvidenceMetrics metrics) {
        this.chains = chains;
        this.heads = heads;
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Signs each chain's head unless it is already signed. */
    @Scheduled(fixedDelayString = "${steward.checkpoint-interval:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public void signHeads() {
        for (EvidenceChain chain : chains) {
            heads.current(chain.name()).filter(head -> head.seq() > 0).ifPresent(this::sign);
        }
    }

    private void sign(ChainHeads.Head head) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("chain", head.chain());
        claims.put("seq", head.seq());
        claims.put("hash", HexFormat.of().formatHex(head.hash()));
        claims.put("iat", now.getEpochSecond());
        jdbc.sql("""
                        INSERT INTO chain_checkpoint (chain, seq, hash, signed_at, jws) VALUES (:chain, :seq, :hash, :at, :jws)
                        ON CONFLICT DO NOTHING
                        """)
                .param("chain", head.chain())
                .param("seq", head.seq())
                .param("hash", head.hash())
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("jws", signatures.sign(TYPE, claims))
                .update();
    }

    /** Verifies every chain row by row, then against its signed checkpoints; the result goes to the metrics. */
    public List<HashChain.Verification> verifyAll() {
        List<HashChain.Verification> results = new ArrayList<>();
        for (EvidenceChain chain : chains) {
            HashChain.Verification rows = chain.verify();
            results.add(rows.intact() ? againstCheckpoints(chain, rows) : rows);
        }
        metrics.verified(results);
        return results;
    }

    /**
     * Tampering is found without anyone asking: each node verifies every chain from time to time (a read of every
     * row, so not often), and an alert on {@code steward_evidence_chain_intact} reports a break.
     */
    @Scheduled(
            fixedDelayString = "${steward.evidence.verify-interval:PT6H}",
            initialDelayString = "${steward.evidence.verify-delay:PT10M}")
    void verifyFromTimeToTime() {
        verifyAll().stream()
                .filter(result -> !result.intact())
                .forEach(result -> log.error("Evidence chain broken: {}", result.describe()));
    }

    /** The age of each chain's last signed checkpoint, for the metrics. */
    @Override
    public void refresh() {
        Map<String, Instant> lastSigned = new LinkedHashMap<>();
        jdbc.sql("SELECT chain, max(signed_at) AS signed_at FROM chain_checkpoint GROUP BY chain")
                .query((rs, row) -> Map.entry(
                        rs.getString("chain"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .list()
                .forEach(entry -> lastSigned.put(entry.getKey(), entry.getValue()));
        metrics.signed(lastSigned);
    }

    private HashChain.Verification againstCheckpoints(EvidenceChain chain, HashChain.Verification rows) {
        OctetKeyPair key = (OctetKeyPair) signatures.publicKeys().getKeys().get(0);
        for (Checkpoint checkpoint : checkpoints(chain.name())) {
            String problem = check(chain, checkpoint, key);
            if (problem != null) {
                return new HashChain.Verification(
                        chain.name(), rows.rows(), checkpoint.seq(), problem, HashChain.GENESIS);
            }
        }
        return rows;
    }

    private String check(EvidenceChain chain, Checkpoint checkpoint, OctetKeyPair key) {
        try {
            JWSObject jws = JWSObject.parse(checkpoint.jws());
            if (!jws.verify(new Ed25519Verifier(key))
                    || !HexFormat.of()
                            .formatHex(checkpoint.hash())
                            .equals(jws.getPayload().toJSONObject().get("hash"))) {
                return "the signed checkpoint of " + checkpoint.signedAt() + " does not verify";
            }
        } catch (ParseException | JOSEException e) {
            return "the signed checkpoint of " + checkpoint.signedAt() + " cannot be read";
        }
        Optional<byte[]> stored = chain.hashAt(checkpoint.seq());
        if (stored.isEmpty()) {
            return "the row was signed in the checkpoint of " + checkpoint.signedAt()
                    + " but is missing (rows were removed)";
        }
        if (!Arrays.equals(stored.get(), checkpoint.hash())) {
            return "its hash differs from the one signed in the checkpoint of " + checkpoint.signedAt()
                    + " (the chain was rewritten)";
        }
        return null;
    }

    private List<Checkpoint> checkpoints(String chain) {
        return jdbc.sql("SELECT seq, hash, signed_at, jws FROM chain_checkpoint WHERE chain = :chain ORDER BY seq")
                .param("chain", chain)
                .query((rs, row) -> new Checkpoint(
                        rs.getLong("seq"),
                        rs.getBytes("hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("jws")))
                .list();
    }

    private record Checkpoint(long seq, byte[] hash, Instant signedAt, String jws) {}
}
