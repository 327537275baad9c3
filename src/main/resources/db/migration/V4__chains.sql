-- Where each hash chain (consent ledger, audit trail, erasure log) ends. A cursor, not evidence: appending a row
-- locks its chain's head, so appends are serialised across nodes.
CREATE TABLE chain_head (
    chain TEXT PRIMARY KEY,
    seq   BIGINT NOT NULL,
    hash  BYTEA  NOT NULL
);

-- Signed checkpoints of chain heads: a JWS over (chain, seq, hash, time) with Steward's signing key. Rewriting a
-- whole chain consistently would still contradict a signed checkpoint.
CREATE TABLE chain_checkpoint (
    chain     TEXT        NOT NULL,
    seq       BIGINT      NOT NULL,
    hash      BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    jws       TEXT        NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
