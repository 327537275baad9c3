package dev.steward.vault;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.steward.platform.ChainHeads;
import dev.steward.platform.ChainProblem;
import dev.steward.platform.EvidenceChain;
import dev.steward.platform.HashChain;
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
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the head of every evidence chain from time to time, and verifies chains against their heads and those
 * signatures. A chain rewritten consistently from some row on (every hash recomputed), or cut short with its head
 * moved back to match, still contradicts a checkpoint signed after those rows were written. A chain is signed once it
 * grew by {@link CheckpointSettings#rows()} rows, and at least every {@link CheckpointSettings#interval()} while it
 * grows.
 */
@Service
public class ChainCheckpoints {

    static final String TYPE = "chain-checkpoint+jwt";

    private final List<EvidenceChain> chains;
    private final ChainHeads heads;
    private final Signatures signatures;
    private final CheckpointSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EvidenceMetrics metrics;

    ChainCheckpoints(
            List<EvidenceChain> chains,
            ChainHeads heads,
            Signatures signatures,
            CheckpointSettings settings,
            JdbcClient jdbc,
            Clock clock,
            EvidenceMetrics metrics) {
        this.chains = chains;
        this.heads = heads;
        this.signatures = signatures;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Signs the heads of the chains that grew by enough rows, or long enough ago, since their last checkpoint. */
    @Scheduled(fixedDelayString = "${steward.checkpoints.poll}", initialDelayString = "${steward.checkpoints.poll}")
    @Transactional
    public void signDue() {
        Instant now = clock.instant();
        for (Unsigned chain : unsigned()) {
            if (chain.head().seq() - chain.signedSeq() >= settings.rows()
                    || chain.signedAt() == null
                    || !now.isBefore(chain.signedAt().plus(settings.interval()))) {
                sign(chain.head(), now);
            }
        }
    }

    /** Signs each chain's head now unless it is already signed; answers the heads it signed. */
    @Transactional
    public List<ChainHeads.Head> signHeads() {
        Instant now = clock.instant();
        List<ChainHeads.Head> signed = unsigned().stream().map(Unsigned::head).toList();
        signed.forEach(head -> sign(head, now));
        return signed;
    }

    /**
     * Signs the chain's head as the caller's transaction has just moved it, committed with the rows: one signature
     * proves when a whole bulk append (an import batch) was written, where a signature per row would cost too much.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signHead(String chain) {
        heads.current(chain).ifPresent(head -> sign(head, clock.instant()));
    }

    /** A chain whose head is past its newest checkpoint: the head, and that checkpoint's row and time (if any). */
    private record Unsigned(
            ChainHeads.Head head, long signedSeq, @Nullable Instant signedAt) {}

    private List<Unsigned> unsigned() {
        return jdbc.sql("""
                        SELECT h.chain, h.seq, h.hash, c.seq AS signed_seq, c.signed_at
                          FROM chain_head h
                          LEFT JOIN LATERAL (SELECT seq, signed_at FROM chain_checkpoint k WHERE k.chain = h.chain
                                             ORDER BY seq DESC LIMIT 1) c ON true
                         WHERE h.seq > coalesce(c.seq, 0)
                        """)
                .query((rs, row) -> {
                    OffsetDateTime signedAt = rs.getObject("signed_at", OffsetDateTime.class);
                    return new Unsigned(
                            new ChainHeads.Head(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("hash")),
                            rs.getLong("signed_seq"),
                            signedAt == null ? null : signedAt.toInstant());
                })
                .list();
    }

    private void sign(ChainHeads.Head head, Instant now) {
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

    /**
     * Verifies every chain row by row up to its head, then against its signed checkpoints. The checkpoints are read
     * first: each names a row committed before it, so the rows read after it must include that row.
     */
    public List<HashChain.Verification> verifyAll() {
        return verifyAll(rows -> {});
    }

    /** As {@link #verifyAll()}, telling {@code checked} how many more rows were checked as it goes. */
    public List<HashChain.Verification> verifyAll(LongConsumer checked) {
        List<HashChain.Verification> results = new ArrayList<>();
        for (EvidenceChain chain : chains) {
            List<Checkpoint> signed = checkpoints(chain.name());
            HashChain.Verification rows = chain.verify(checked);
            results.add(rows.intact() ? againstCheckpoints(chain, rows, signed) : rows);
        }
        metrics.verified(results);
        return results;
    }

    /** The rows a verification of every chain will check, as their heads say now. */
    long rowsToVerify() {
        return jdbc.sql("SELECT coalesce(sum(seq), 0) FROM chain_head WHERE chain = ANY(:chains)")
                .param("chains", chains.stream().map(EvidenceChain::name).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** When each chain's head was last signed. */
    Map<String, Instant> lastSigned() {
        Map<String, Instant> lastSigned = new LinkedHashMap<>();
        jdbc.sql("SELECT chain, max(signed_at) AS signed_at FROM chain_checkpoint GROUP BY chain")
                .query((rs, row) -> Map.entry(
                        rs.getString("chain"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .list()
                .forEach(entry -> lastSigned.put(entry.getKey(), entry.getValue()));
        return lastSigned;
    }

    private HashChain.Verification againstCheckpoints(
            EvidenceChain chain, HashChain.Verification rows, List<Checkpoint> signed) {
        if (!signed.isEmpty() && signed.get(signed.size() - 1).seq() > rows.lastSeq()) {
            Checkpoint newest = signed.get(signed.size() - 1);
            return HashChain.broken(
                    rows,
                    rows.lastSeq() + 1,
                    ChainProblem.atCheckpoint(
                            "checkpoint-rows-removed", newest.signedAt(), newest.seq(), rows.lastSeq()));
        }
        OctetKeyPair key = (OctetKeyPair) signatures.publicKeys().getKeys().get(0);
        Map<Long, byte[]> stored =
                chain.hashesAt(signed.stream().map(Checkpoint::seq).toList());
        for (Checkpoint checkpoint : signed) {
            ChainProblem problem = check(checkpoint, stored.get(checkpoint.seq()), key);
            if (problem != null) {
                return HashChain.broken(rows, checkpoint.seq(), problem);
            }
        }
        return rows;
    }

    private static @Nullable ChainProblem check(Checkpoint checkpoint, byte @Nullable [] stored, OctetKeyPair key) {
        try {
            JWSObject jws = JWSObject.parse(checkpoint.jws());
            if (!jws.verify(new Ed25519Verifier(key))
                    || !HexFormat.of()
                            .formatHex(checkpoint.hash())
                            .equals(jws.getPayload().toJSONObject().get("hash"))) {
                return ChainProblem.atCheckpoint("checkpoint-not-verified", checkpoint.signedAt());
            }
        } catch (ParseException | JOSEException e) {
            return ChainProblem.atCheckpoint("checkpoint-unreadable", checkpoint.signedAt());
        }
        if (stored == null) {
            return ChainProblem.atCheckpoint("checkpoint-row-missing", checkpoint.signedAt());
        }
        if (!Arrays.equals(stored, checkpoint.hash())) {
            return ChainProblem.atCheckpoint("checkpoint-hash-differs", checkpoint.signedAt());
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
